/**
 * Progress of a folder run, on stderr. On a terminal: one bar redrawn in place
 * (`[████░░░░░░] 12/50 某局.xlsx`), with the lines that matter (failed, skipped files) printed
 * above it. Otherwise (a pipe, a log file, a test): one plain line per file.
 */
import { clearInterval, setInterval } from "node:timers";
import { displayWidth } from "../model/text";
import type { RecalculationPhase } from "../pipeline/readAndScore";
import type { CliIo } from "./io";

const BAR = 20;

/** Cuts `text` to at most `width` terminal columns, ending in `…` when cut. */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}

export function progressBar(done: number, total: number, name: string, columns: number): string {
  const filled = total === 0 ? BAR : Math.round((done / total) * BAR);
  const head = `[${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${done}/${total} `;
  return head + fitWidth(name, Math.max(0, columns - 1 - displayWidth(head)));
}

export class Progress {
  private drawn = false;
  private current = "";
  private doneCount = 0;

  constructor(
    private readonly io: CliIo,
    private readonly total: number
  ) {}

  /** File `index` (0-based) is about to be processed. */
  start(index: number, name: string): void {
    const tty = this.io.tty;
    if (!tty) return;
    this.current = name;
    this.draw(index);
  }

  /**
   * File `index` is done. `line` is its outcome; on a terminal it is printed only when
   * `notable` (failed or skipped), above the bar.
   */
  done(index: number, line: string, notable: boolean): void {
    const tty = this.io.tty;
    this.doneCount = index + 1;
    const counted = `[${index + 1}/${this.total}] ${line}`;
    if (!tty) {
      this.io.err(counted);
      return;
    }
    if (notable) {
      this.clear();
      this.io.err(counted);
    }
    this.draw(index + 1);
  }

  /** A line about the file just done (a warning): always printed, above the bar on a terminal. */
  note(line: string): void {
    this.clear();
    this.io.err(line);
    if (this.io.tty) this.draw(this.doneCount);
  }

  /** Removes the bar, so that what follows starts on a clean line. */
  finish(): void {
    this.clear();
  }

  private draw(done: number): void {
    const tty = this.io.tty;
    if (!tty) return;
    tty.write(`\r${progressBar(done, this.total, this.current, tty.columns)}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (!this.drawn || !this.io.tty) return;
    this.io.tty.write("\r\x1b[K");
    this.drawn = false;
  }
}

const PHASE_LABELS: Record<RecalculationPhase, string> = {
  reading: "读取工作簿",
  scoring: "计算得分",
  writing: "生成汇总表并写入",
};

/**
 * Progress of one file, on a terminal only: once the run has taken `afterMs`, one line
 * (`正在评分 某局.xlsx：计算得分…（已用 3 秒）`) redrawn at each phase and each second the
 * event loop is free; removed when the run ends. Short runs never show it.
 */
export class PhaseLine {
  private phase: RecalculationPhase = "reading";
  private drawn = false;
  private readonly started = Date.now();
  private readonly timer: ReturnType<typeof setInterval> | null;

  constructor(
    private readonly io: CliIo,
    private readonly name: string,
    private readonly afterMs = 2000
  ) {
    this.timer = io.tty ? setInterval(() => this.draw(), 1000) : null;
    this.timer?.unref?.();
  }

  readonly onPhase = (phase: RecalculationPhase): void => {
    this.phase = phase;
    this.draw();
  };

  private draw(): void {
    const tty = this.io.tty;
    const elapsed = Date.now() - this.started;
    if (!tty || elapsed < this.afterMs) return;
    const line = `正在评分 ${this.name}：${PHASE_LABELS[this.phase]}…（已用 ${Math.round(elapsed / 1000)} 秒）`;
    tty.write(`\r${fitWidth(line, tty.columns - 1)}\x1b[K`);
    this.drawn = true;
  }

  /** Stops redrawing and removes the line. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.drawn) this.io.tty?.write("\r\x1b[K");
    this.drawn = false;
  }
}
