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

/**
 * A stream whose reader has gone (`jixiao score … | head` closes the pipe): its later lines are
 * dropped and the work goes on — the copy is still written — never an EPIPE stack trace.
 */
function writer(stream: typeof process.stdout | typeof process.stderr): (raw: string) => void {
  let gone = false;
  stream.on("error", () => {
    gone = true;
  });
  return (raw) => {
    if (!gone) stream.write(raw);
  };
}

const toOut = writer(process.stdout);
const toErr = writer(process.stderr);

export const stdio: CliIo = {
  out: (text) => toOut(text + "\n"),
  err: (text) => toErr(text + "\n"),
  ...(process.stderr.isTTY
    ? {
        tty: {
          write: toErr,
          get columns() {
            return process.stderr.columns || 80;
          },
        },
      }
    : {}),
};
