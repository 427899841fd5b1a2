/**
 * Writing a file so that a crash or a full disk half-way never leaves a half-written file: the
 * data goes to a temporary file beside the target (`.某局.xlsx.jixiao-tmp-<pid>-<random>`),
 * created exclusively (never through a link someone planted, never over another file), flushed
 * to disk, and only then renamed over the target in one step; the folder is flushed after the
 * rename. On any error the temporary file is removed and the target is as it was. Temporary
 * files a killed run left behind (ours by their name, their process gone) are removed.
 */
import { randomBytes } from "node:crypto";
import { type Stats, constants, lstatSync } from "node:fs";
import {
  type FileHandle,
  access,
  chmod,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  rm,
  stat,
} from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const MARK = ".jixiao-tmp-";

/** The temporary file `writeFileAtomic` writes first; hidden, not named like a workbook. */
export function temporaryName(
  target: string,
  pid = process.pid,
  suffix = randomBytes(6).toString("hex")
): string {
  return join(dirname(target), `.${basename(target)}${MARK}${pid}-${suffix}`);
}

/** Whether process `pid` still runs (a temporary file of a running process is left alone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Removes temporary files of `target` that a run killed half-way left in its folder. */
export async function removeLeftovers(target: string): Promise<string[]> {
  return removeTemporaries(dirname(target), `.${basename(target)}${MARK}`);
}

/** Removes the temporary files of every target in `folder` that killed runs left (folder runs). */
export async function removeLeftoversIn(folder: string): Promise<string[]> {
  return removeTemporaries(folder, ".");
}

async function removeTemporaries(folder: string, prefix: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const mark = name.lastIndexOf(MARK);
    if (!name.startsWith(prefix) || mark < 1 || mark + MARK.length < prefix.length) continue;
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(mark + MARK.length))?.[1]);
    if (!pid || pid === process.pid || running(pid)) continue;
    const path = join(folder, name);
    // Only plain files: a link or a folder of that name is not ours.
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    await rm(path, { force: true }).catch(() => undefined);
    removed.push(path);
  }
  return removed;
}

/** Flushes a folder's entries (the rename) to disk, where the system allows it. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY).catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

// Created here or not at all (no existing file, no link followed), for writing only.
const EXCLUSIVE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW;

/** For many files into one folder (a folder run), the folder-wide steps are done once by it. */
export interface AtomicWriteOptions {
  /** Look for temporary files a killed run left beside the target (default true). */
  tidy?: boolean;
  /** Flush the folder after the rename (default true). */
  syncFolder?: boolean;
}

/**
 * The file a write replaces and its status (null when there is none yet): through a symbolic
 * link, the file it points to, not the link itself. A new file's absence is looked up without
 * an exception (a folder run writes hundreds).
 */
async function replacedFile(target: string): Promise<{ path: string; existing: Stats | null }> {
  const entry = lstatSync(target, { throwIfNoEntry: false });
  if (!entry?.isSymbolicLink()) return { path: target, existing: entry ?? null };
  const path = await realpath(target).catch(() => target);
  return { path, existing: await stat(path).catch(() => null) };
}

/**
 * The temporary file, created exclusively; its folder made first if it is not there yet (looked
 * for only then: a folder run writes hundreds of files into one folder).
 */
async function createExclusive(temporary: string): Promise<FileHandle> {
  try {
    return await open(temporary, EXCLUSIVE, 0o666);
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(temporary), { recursive: true }).catch((error: { code?: string }) => {
    // A file where a folder of the path should be: say so, not "already exists".
    if (error.code === "EEXIST") error.code = "ENOTDIR";
    throw error;
  });
  return open(temporary, EXCLUSIVE, 0o666);
}

export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const { path, existing } = await replacedFile(target);
  // Renaming over a file needs only the folder to be writable: a file the user may not write
  // (read-only, or someone else's) is refused here, as writing into it would be.
  if (existing?.isFile()) await access(path, constants.W_OK);
  if (options.tidy !== false) await removeLeftovers(path);
  const temporary = temporaryName(path);
  let created = false;
  try {
    const handle = await createExclusive(temporary);
    created = true;
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
    if (created) await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  if (options.syncFolder !== false) await syncFolder(dirname(path));
}
