/**
 * Writing a file so that a crash or a full disk half-way never leaves a half-written file: the
 * data goes to a temporary file beside the target (`.某局.xlsx.jixiao-tmp-<pid>`), is flushed
 * to disk, and only then renamed over the target in one step. On any error the temporary file
 * is removed and the target is as it was.
 */
import { constants } from "node:fs";
import { access, chmod, mkdir, open, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The temporary file `writeFileAtomic` writes first; hidden, and not named like a workbook. */
export function temporaryName(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.jixiao-tmp-${pid}`);
}

export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  // Through a symbolic link, replace the file it points to, not the link itself.
  const path = await realpath(target).catch(() => target);
  const existing = await stat(path).catch(() => null);
  // Renaming over a file needs only the folder to be writable: a file the user may not write
  // (read-only, or someone else's) is refused here, as writing into it would be.
  if (existing?.isFile()) await access(path, constants.W_OK);
  await mkdir(dirname(path), { recursive: true }).catch((error: { code?: string }) => {
    // A file where a folder of the path should be: say so, not "already exists".
    if (error.code === "EEXIST") error.code = "ENOTDIR";
    throw error;
  });
  const temporary = temporaryName(path);
  try {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Replacing a file keeps its permissions.
    if (existing?.isFile()) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
