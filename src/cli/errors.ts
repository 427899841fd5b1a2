/** File-system errors in plain Chinese, so no English system message reaches the user. */

const REASONS: Record<string, string> = {
  ENOENT: "文件或文件夹不存在",
  EACCES: "没有权限",
  EPERM: "没有权限，或文件正被其他程序占用（请在 Excel 中关闭它）",
  EBUSY: "文件正被其他程序占用（请在 Excel 中关闭它）",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中有一部分是文件而不是文件夹",
  EEXIST: "已有同名的文件或文件夹",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EROFS: "所在磁盘是只读的",
  EMFILE: "同时打开的文件太多",
  ENFILE: "同时打开的文件太多",
  ENAMETOOLONG: "文件名或路径太长",
  ELOOP: "快捷方式（符号链接）循环指向自身",
  EIO: "磁盘读写出错",
  ENXIO: "设备不存在",
  ETIMEDOUT: "操作超时（网络磁盘无响应？）",
};

/** The `code` of a Node.js system error, if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * One Chinese phrase for why a file operation failed: `没有权限`, `磁盘空间不足`, …; an error
 * we have no words for is named by its code (`未知错误（EXYZ）`), never by its English message.
 */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code && REASONS[code]) return REASONS[code];
  return code ? `未知错误（${code}）` : "未知错误";
}

/**
 * For errors that are not about files (a bug in the scoring itself): the Chinese phrase, then
 * the original message in brackets so that it can be reported to us.
 */
export function describeInternalError(error: unknown): string {
  return `程序内部错误，请把此信息告知开发者（${errorMessage(error)}）`;
}

/** An error's message — also of an error from another thread, not this realm's Error. */
export function errorMessage(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error
    ? String(error.message)
    : String(error);
}

/** Why a file could not be written: as describeError, with the writing said plainly. */
export function writeReason(error: unknown): string {
  const code = errorCode(error);
  if (code === "EACCES") return "没有写入权限";
  if (code === "EPERM") return "没有写入权限，或文件正被其他程序占用（请在 Excel 中关闭它）";
  return describeError(error);
}
