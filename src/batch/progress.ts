/** Where progress is drawn: stderr, a terminal or not. */
type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Inputs at least this big (bytes, when known) or this long (records) get a progress line. */
export const PROGRESS_MIN_BYTES = 1024 * 1024;
export const PROGRESS_MIN_RECORDS = 10_000;
const REDRAW_MS = 200;

/**
 * A one-line progress indicator on stderr, only when stderr is a terminal and the input is large.
 * It redraws in place (`\r`), at most five times a second, and is erased before any other stderr
 * line and at the end, so it never mixes into messages or reaches a file.
 */
export class Progress {
  private shown = false;
  private last = 0;

  constructor(
    private readonly stderr: OutStream,
    private readonly totalBytes: number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called every so often with the records and bytes read so far. */
  update(records: number, bytes: number): void {
    if (!this.stderr.isTTY) return;
    if (!this.shown) {
      const large =
        records >= PROGRESS_MIN_RECORDS ||
        (this.totalBytes !== undefined && this.totalBytes >= PROGRESS_MIN_BYTES);
      if (!large) return;
    } else if (this.now() - this.last < REDRAW_MS) {
      return;
    }
    this.last = this.now();
    this.shown = true;
    const share =
      this.totalBytes !== undefined && this.totalBytes > 0
        ? ` (${Math.min(100, Math.floor((bytes / this.totalBytes) * 100))}%)`
        : '';
    // Counts as the summary writes them (plain digits, for scripts): the two read alike.
    this.stderr.write(`\r\x1b[Kbatch: ${records} records read${share}`);
  }

  /** Erase the line, if drawn, so the next stderr text starts clean. */
  clear(): void {
    if (!this.shown) return;
    this.stderr.write('\r\x1b[K');
    this.shown = false;
    this.last = 0;
  }
}
