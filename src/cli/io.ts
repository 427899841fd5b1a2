/** Where the command line prints: results to `out` (stdout), messages and progress to `err` (stderr). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /**
   * Present when stderr is a terminal: progress is then redrawn in place on one line
   * (`write` takes raw text, no newline added; `columns` is the terminal width).
   */
  tty?: { write: (raw: string) => void; columns: number };
  /** How long a single file runs before its progress shows on a terminal (default 2 s). */
  progressAfterMs?: number;
}

export const stdio: CliIo = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  ...(process.stderr.isTTY
    ? {
        tty: {
          write: (raw: string) => process.stderr.write(raw),
          get columns() {
            return process.stderr.columns || 80;
          },
        },
      }
    : {}),
};
