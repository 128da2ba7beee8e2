// `ml-salary batch [file]`: many profiles, NDJSON or CSV in, one result per record out, streamed.
import { LineSplitter, type Line } from '../../batch/lines.js';
import { RecordWork, recordFields, type Settings } from '../../batch/work.js';
import { pickFields } from '../json-fields.js';
import { EXIT } from '../exit.js';
import { DataError, InputError, UsageError } from '../../errors.js';
import { openSource, sniffBinary, type Source } from '../../input/files.js';
import type { Io } from '../io.js';
import { clip } from '../../input/numbers.js';
import { csvHeader } from '../../render/csv.js';
import { marketFileSource } from '../../model/reasons.js';
import type { Market } from '../../model/types.js';

export interface BatchOptions extends Omit<Settings, 'fields'> {
  /** A path, '-' for stdin, or undefined for piped stdin. */
  file: string | undefined;
  /** NDJSON output: only these top-level fields (`--json a,b`). */
  jsonFields?: string;
  /** The batch command's usage text, printed when stdin is a terminal and no file is given. */
  usage: string;
}

/**
 * Estimate every record of an NDJSON or CSV stream, writing one result per good record in input
 * order (NDJSON documents with a `line` field, or CSV rows) as the input arrives. A bad record is
 * one `line N: ...` line on stderr and the run goes on. Returns the exit code: 0, 1 when any record
 * was bad, 130/143 when `io.signal` aborted (its reason is the code; see main.ts).
 * Whole-input problems (binary or UTF-16 input, a bad CSV header, a JSON array) throw DataError.
 */
export async function runBatch(opts: BatchOptions, io: Io, market: Market): Promise<number> {
  if (opts.file === undefined && io.stdin.isTTY) {
    io.stderr.write(
      'ml-salary: error: batch reads profiles from a file or a pipe, and stdin is a terminal; ' +
        "give a file (or '-' to type records)\n\n" +
        opts.usage,
    );
    return EXIT.usage;
  }
  const source = await openSource(opts.file, io.stdin);
  return new BatchRun(opts, io, market, source).run();
}

/** Output is written in pieces of about this many characters, waiting when stdout is full. */
const PIECE = 64 * 1024;

/** Bytes to hold, unless a line ends sooner, before telling text from binary or UTF-16. */
const SNIFF_BYTES = 8;

class BatchRun {
  private readonly splitter = new LineSplitter();
  private readonly work: RecordWork;
  private bytes = 0;
  private stdoutGone = false;
  /** When the progress line was last drawn; 0 while it is not on the screen. */
  private drawn = 0;
  /**
   * CSV output's header row is still to come. It goes out with the first output, not before the
   * input is read, so a whole-input error (binary input, a bad CSV header) leaves stdout empty.
   */
  private headerDue: boolean;

  constructor(
    opts: BatchOptions,
    private readonly io: Io,
    market: Market,
    private readonly source: Source,
  ) {
    // The fields after --json, checked against those a record can have (before any is read).
    const known = (): object =>
      Object.fromEntries(recordFields(market, opts.explain).map((k) => [k, 0]));
    const fields =
      opts.jsonFields === undefined
        ? undefined
        : Object.keys(pickFields(known(), opts.jsonFields, 'batch'));
    this.work = new RecordWork(market, { ...opts, fields }, (message) => {
      this.clearProgress();
      io.stderr.write(`${message}\n`);
    });
    this.headerDue = opts.format === 'csv';
    this.fileColumn = marketFileSource(market) === undefined ? [] : ['market_file'];
  }

  /** With --data, CSV rows end with the market file their figures come from. */
  private readonly fileColumn: string[];

  async run(): Promise<number> {
    const { signal } = this.io;
    const stream = this.source.stream;
    // An abort ends the read at once, even while waiting on a quiet pipe; one that came while
    // the input was being opened, before this listener, ends it before the first read.
    const onAbort = (): void => stream.destroy?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    try {
      await this.read(stream);
    } catch (error) {
      if (!signal?.aborted) throw this.readError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // Whatever was estimated is whole lines; let it out, even when stopping early.
      this.write();
      this.clearProgress();
    }
    return this.finish();
  }

  /** Read the whole input, writing what it comes to as it goes. */
  private async read(stream: NodeJS.ReadableStream): Promise<void> {
    // The first bytes are held until there are enough to tell text from binary or UTF-16 (a
    // pipe may hand over a byte-order mark one byte at a time), or until a line is complete:
    // a whole line, good or bad, is never held back.
    let head: Buffer | undefined = Buffer.alloc(0);
    for await (const raw of stream) {
      let chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
      if (head !== undefined) {
        head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES && head.indexOf(0x0a) === -1) continue;
        chunk = head;
        head = undefined;
        this.sniff(chunk);
      }
      if (!(await this.feed(chunk))) return;
    }
    if (head !== undefined && head.length > 0 && !this.stopped()) {
      this.sniff(head);
      if (!(await this.feed(head))) return;
    }
    if (this.stopped()) return;
    this.splitter.end((line) => this.work.line(line));
    // No record came out (an empty input, or every record bad): the CSV is its header alone.
    if ((await this.flush()) && !this.stopped()) this.header();
  }

  /**
   * A chunk's lines, estimated in order, the output written a piece at a time (waiting for
   * stdout when it is full) so that it never piles up. False once told to stop.
   */
  private async feed(chunk: Buffer): Promise<boolean> {
    this.bytes += chunk.length;
    const lines: Line[] = [];
    this.splitter.push(chunk, (line) => lines.push(line));
    for (const line of lines) {
      this.work.line(line);
      if (this.work.out.length >= PIECE && !(await this.flush())) return false;
    }
    return this.flush();
  }

  /** Write the output so far, waiting while stdout's buffer is full. False once told to stop. */
  private async flush(): Promise<boolean> {
    const full = !this.write();
    this.showProgress();
    if (full) await this.drain();
    return !this.stopped();
  }

  /** Hand the output so far to stdout; false when its buffer is full (wait for 'drain'). */
  private write(): boolean {
    const out = this.work.out;
    this.work.out = '';
    if (out === '' || this.stdoutGone) return true;
    this.header();
    return this.io.stdout.write(out);
  }

  /** CSV output's header row, once, ahead of the first output (see `headerDue`). */
  private header(): void {
    if (!this.headerDue || this.stdoutGone) return;
    this.headerDue = false;
    this.io.stdout.write(csvHeader(['line'], ['paper', 'uncertain', ...this.fileColumn]));
  }

  /**
   * A one-line progress indicator on stderr, only when it is a terminal and the input is large
   * (1 MiB, or 10,000 records). It redraws in place (`\r`), at most five times a second, and is
   * erased before any other stderr line and at the end, so it never mixes into messages or
   * reaches a file. Counts as the summary writes them (plain digits, for scripts).
   */
  private showProgress(): void {
    const { records } = this.work;
    const size = this.source.size;
    if (!this.io.stderr.isTTY || Date.now() - this.drawn < 200) return;
    if (records < 10_000 && !(size !== undefined && size >= 1024 * 1024)) return;
    this.drawn = Date.now();
    const share = size ? ` (${Math.min(100, Math.floor((this.bytes / size) * 100))}%)` : '';
    this.io.stderr.write(`\r\x1b[Kbatch: ${records} records read${share}`);
  }

  private clearProgress(): void {
    if (this.drawn === 0) return;
    this.io.stderr.write('\r\x1b[K');
    this.drawn = 0;
  }

  /** A failed read as the error the user sees: one line, exit 1 unless it is already typed. */
  private readError(error: unknown): Error {
    if (error instanceof DataError || error instanceof UsageError || error instanceof InputError) {
      return error;
    }
    return new DataError(
      `error reading ${clip(this.source.name, 200)}: ${clip(error instanceof Error ? error.message : String(error), 300)}`,
    );
  }

  /** The exit code, with the tally on stderr when anything was bad or it was stopped. */
  private finish(): number {
    const { signal } = this.io;
    const { records, good, bad } = this.work;
    const tally = `${records} record${records === 1 ? '' : 's'} read: ${good} estimated, ${bad} bad`;
    if (this.stdoutGone) return EXIT.ok;
    if (signal?.aborted) {
      // main.ts aborts with the exit code as the reason: 130 (SIGINT) or 143 (SIGTERM).
      const code = signal.reason === EXIT.terminated ? EXIT.terminated : EXIT.cancelled;
      const word = code === EXIT.terminated ? 'terminated' : 'interrupted';
      // Records typed at a terminal: the line ends after the echoed ^C, as a shell's does (review7 T11).
      const typed = this.io.stdin.isTTY && this.io.stderr.isTTY ? '\n' : '';
      this.io.stderr.write(`${typed}ml-salary batch: ${word}; ${tally}\n`);
      return code;
    }
    if (bad > 0 || this.io.stderr.isTTY) this.io.stderr.write(`ml-salary batch: ${tally}\n`);
    return bad > 0 ? EXIT.data : EXIT.ok;
  }

  /** A whole-input error when the input's first bytes are not NDJSON or CSV text. */
  private sniff(head: Buffer): void {
    const why = sniffBinary(head);
    if (why)
      throw new DataError(`${clip(this.source.name, 200)} ${why}; batch reads NDJSON or CSV`);
  }

  private stopped(): boolean {
    return this.stdoutGone || this.io.signal?.aborted === true;
  }

  private drain(): Promise<void> {
    const stdout = this.io.stdout;
    const signal = this.io.signal;
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        stdout.removeListener('drain', onDrain);
        stdout.removeListener('close', onGone);
        stdout.removeListener('error', onGone);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const onDrain = (): void => done();
      const onGone = (): void => {
        this.stdoutGone = true;
        done();
      };
      stdout.on('drain', onDrain);
      stdout.on('close', onGone);
      stdout.on('error', onGone);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
