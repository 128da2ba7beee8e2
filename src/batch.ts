import { open } from 'node:fs/promises';
import { LineSplitter, sniffBinary, type Line } from './batch/lines.js';
import { Progress } from './batch/progress.js';
import { isBlank, parseCsvHeader, profileFromCsv, profileFromJson } from './batch/records.js';
import { CliError, EXIT } from './errors.js';
import { estimate, EstimateInputError } from './estimate.js';
import { clip } from './numbers.js';
import { fieldName, resolveProfile, type RawProfile } from './profile.js';
import type { Io } from './program.js';
import { csvHeader, csvRecord } from './render/csv.js';
import { JsonLineWriter, toDocument } from './render/document.js';
import type { Market, ProfileField } from './types.js';

export interface BatchOptions {
  /** A path, '-' for stdin, or undefined for piped stdin. */
  file: string | undefined;
  inputFormat: 'ndjson' | 'csv' | undefined;
  format: 'ndjson' | 'csv';
  /** The batch command's usage text, printed when stdin is a terminal and no file is given. */
  usage: string;
}

interface Source {
  stream: NodeJS.ReadableStream & { destroy?: () => void };
  name: string;
  /** Size in bytes when known (a regular file), for the progress indicator. */
  size: number | undefined;
}

const READ_CHUNK = 64 * 1024;
/** Output is handed to stdout in pieces of about this many characters (CSV) or bytes (NDJSON). */
const OUT_CHUNK = 16 * 1024;
const OUT_BYTES = 60 * 1024;

/**
 * Estimate every record of an NDJSON or CSV stream, writing one result per good record in input
 * order (NDJSON documents with a `line` field, or CSV rows) as the input arrives. A bad record is
 * one `line N: ...` line on stderr and the run goes on. Returns the exit code: 0, 1 when any record
 * was bad, 130/143 when `io.signal` aborted (its reason is the code; see cli.ts).
 * Whole-input problems (binary or UTF-16 input, a bad CSV header, a JSON array) throw CliError.
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
  const source = await openSource(opts.file, io);
  return new BatchRun(opts, io, market, source).run();
}

async function openSource(file: string | undefined, io: Io): Promise<Source> {
  if (file === undefined || file === '-') {
    return { stream: io.stdin, name: 'stdin', size: undefined };
  }
  let handle;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return {
      stream: handle.createReadStream({ highWaterMark: READ_CHUNK }),
      name: file,
      size: stat.isFile() ? stat.size : undefined,
    };
  } catch (error) {
    await handle?.close();
    throw new CliError(`cannot read '${clip(file, 200)}': ${fsReason(error)}`, EXIT.usage);
  }
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The exit code an abort asks for: cli.ts aborts with 130 (SIGINT) or 143 (SIGTERM). */
function abortCode(signal: AbortSignal): number {
  return signal.reason === EXIT.terminated ? EXIT.terminated : EXIT.cancelled;
}

class BatchRun {
  private readonly splitter = new LineSplitter();
  private readonly progress: Progress;
  private inputFormat: 'ndjson' | 'csv' | undefined;
  private columns: ProfileField[] = [];
  private records = 0;
  private good = 0;
  private bad = 0;
  private bytes = 0;
  private out = '';
  /** NDJSON output, written as bytes (CSV output goes through `out`). */
  private readonly json = new JsonLineWriter(64 * 1024);
  private stdoutGone = false;
  private full = false;

  constructor(
    private readonly opts: BatchOptions,
    private readonly io: Io,
    private readonly market: Market,
    private readonly source: Source,
  ) {
    this.inputFormat = opts.inputFormat;
    this.progress = new Progress(io.stderr, source.size);
    if (opts.format === 'csv') this.out = csvHeader(['line']);
  }

  async run(): Promise<number> {
    const { signal } = this.io;
    const stream = this.source.stream;
    // An abort ends the read at once, even while waiting on a quiet pipe.
    const onAbort = (): void => stream.destroy?.();
    signal?.addEventListener('abort', onAbort, { once: true });
    const lines: Line[] = [];
    const collect = (line: Line): void => void lines.push(line);
    try {
      let first = true;
      for await (const raw of stream) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
        if (first) {
          first = false;
          const why = sniffBinary(chunk);
          if (why) {
            throw new CliError(
              `${clip(this.source.name, 200)}: ${why}; batch reads NDJSON or CSV`,
              EXIT.data,
            );
          }
        }
        this.bytes += chunk.length;
        this.splitter.push(chunk, collect);
        const goOn = await this.process(lines);
        lines.length = 0;
        if (!goOn) break;
      }
      if (!this.stopped()) {
        this.splitter.end(collect);
        await this.process(lines);
      }
    } catch (error) {
      if (!signal?.aborted) {
        if (error instanceof CliError) throw error;
        throw new CliError(
          `error reading ${clip(this.source.name, 200)}: ${clip(error instanceof Error ? error.message : String(error), 300)}`,
          EXIT.data,
        );
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.progress.clear();
      // Whatever was estimated is whole lines; let it out even when stopping early.
      if (!this.stdoutGone) this.writeOut();
      this.out = '';
    }
    if (this.stdoutGone) return EXIT.ok;
    if (signal?.aborted) {
      const code = abortCode(signal);
      this.io.stderr.write(
        `ml-salary batch: ${code === EXIT.terminated ? 'terminated' : 'interrupted'}; ${this.tally()}\n`,
      );
      return code;
    }
    if (this.bad > 0 || this.io.stderr.isTTY) {
      this.io.stderr.write(`ml-salary batch: ${this.tally()}\n`);
    }
    return this.bad > 0 ? EXIT.data : EXIT.ok;
  }

  private stopped(): boolean {
    return this.stdoutGone || this.io.signal?.aborted === true;
  }

  /** Estimate a chunk's lines, pausing whenever stdout is full; false once told to stop. */
  private async process(lines: readonly Line[]): Promise<boolean> {
    for (const line of lines) {
      if (this.stopped()) return false;
      this.line(line);
      if (this.full) {
        this.full = false;
        await this.drain();
      }
    }
    await this.flush();
    return !this.stopped();
  }

  private tally(): string {
    return `${this.records} record${this.records === 1 ? '' : 's'} read: ${this.good} estimated, ${this.bad} bad`;
  }

  private line(line: Line): void {
    if (line.problem !== undefined) {
      this.records++;
      this.report(line.lineNo, line.problem);
      return;
    }
    const text = line.text;
    if (isBlank(text)) return;
    if (this.inputFormat === undefined) {
      this.inputFormat = this.detect(text, line.lineNo);
      if (this.inputFormat === 'csv') {
        this.header(text, line.lineNo, true);
        return;
      }
    } else if (this.inputFormat === 'csv' && this.columns.length === 0) {
      this.header(text, line.lineNo, false);
      return;
    }
    this.records++;
    if (this.records % 1000 === 0) this.progress.update(this.records, this.bytes);
    try {
      const raw: RawProfile =
        this.inputFormat === 'ndjson' ? profileFromJson(text) : profileFromCsv(text, this.columns);
      const { profile, defaulted } = resolveProfile(raw, this.market, fieldName);
      const doc = toDocument(estimate(profile, this.market), defaulted, this.market.dataVersion);
      if (this.opts.format === 'csv') this.out += csvRecord(doc, [line.lineNo]);
      else this.json.write(doc, line.lineNo);
      this.good++;
      if (this.out.length >= OUT_CHUNK || this.json.length >= OUT_BYTES) this.writeOut();
    } catch (error) {
      if (error instanceof CliError || error instanceof EstimateInputError) {
        this.report(line.lineNo, error.message);
      } else {
        throw error;
      }
    }
  }

  private detect(text: string, lineNo: number): 'ndjson' | 'csv' {
    const start = text.trimStart()[0];
    if (start === '{') return 'ndjson';
    if (start === '[') {
      throw new CliError(
        `line ${lineNo}: the input is a JSON array, not NDJSON (one object per line); convert it with: jq -c '.[]'`,
        EXIT.data,
      );
    }
    return 'csv';
  }

  private header(text: string, lineNo: number, detected: boolean): void {
    try {
      this.columns = parseCsvHeader(text);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const why = detected
        ? ' (read as CSV because it does not start with "{"; pass --input-format to choose)'
        : '';
      throw new CliError(`line ${lineNo}: ${error.message}${why}`, EXIT.data);
    }
  }

  private report(lineNo: number, message: string): void {
    this.bad++;
    this.progress.clear();
    this.io.stderr.write(`line ${lineNo}: ${message}\n`);
  }

  /** Hand what is buffered to stdout, noting whether its buffer is full. */
  private writeOut(): void {
    if (this.stdoutGone) return;
    if (this.out !== '') {
      const text = this.out;
      this.out = '';
      if (!this.io.stdout.write(text)) this.full = true;
    }
    if (this.json.length > 0 && !this.io.stdout.write(this.json.take())) this.full = true;
  }

  /** Write what is buffered; wait while stdout's buffer is full (backpressure). */
  private async flush(): Promise<void> {
    this.writeOut();
    if (this.full) {
      this.full = false;
      await this.drain();
    }
  }

  private drain(): Promise<void> {
    const stdout = this.io.stdout;
    const signal = this.io.signal;
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
