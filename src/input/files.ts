// The one way a user's file or stream is read: offer files, --data, batch's input, `-` for stdin.
// Every file a user names is hostile: it may be a directory, a FIFO no one writes to, /dev/zero,
// `yes |`, UTF-16, Latin-1 or binary. Each case gets one line, the same words everywhere, and a
// read that waits can always be ended by SIGINT or SIGTERM.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { Socket } from 'node:net';
import { isatty, ReadStream } from 'node:tty';
import { promisify } from 'node:util';
import { InputError, StoppedError, UsageError } from '../errors.js';
import { clip } from './numbers.js';

/** The most a whole file or stream may hold (an offer file is a few hundred bytes, a market file 50 kB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** A stream to read, its name for messages, and its size when known (a regular file). */
export interface Source {
  stream: NodeJS.ReadableStream & { destroy?: () => void };
  name: string;
  size: number | undefined;
}

/** Why a file could not be read, in the words every "cannot read ..." message uses. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : FS_REASONS.get(code);
  return known ?? (error instanceof Error ? error.message : String(error));
}
const FS_REASONS = new Map([
  ['ENOENT', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EISDIR', 'it is a directory, not a file'],
]);

/** Open for reading without waiting for a FIFO's writer (see openSource). */
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);
const READ_CHUNK = 64 * 1024;

/**
 * Open a user's file, or stdin for `-` (or none), as a stream a signal can end: a FIFO, a socket
 * or a terminal is read on the event loop, as Node reads a piped stdin. (Through fs, a read that
 * waits for a writer blocks a thread of libuv's pool, where no signal reaches it, and the process
 * cannot exit until the writer writes or closes.) Not opened: a UsageError "cannot read 'x': ...".
 */
export async function openSource(
  file: string | undefined,
  stdin: NodeJS.ReadableStream,
): Promise<Source> {
  if (file === undefined || file === '-') return { stream: stdin, name: 'stdin', size: undefined };
  const source = (stream: Source['stream'], size?: number) => ({ stream, name: file, size });
  const cannot = (error: unknown): UsageError =>
    new UsageError(`cannot read '${clip(file, 200)}': ${fsReason(error)}`);
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO opens at once, with or without a writer yet, instead of blocking a
    // thread of libuv's pool in open().
    fd = await promisify(fs.open)(file, OPEN_FLAGS);
  } catch (error) {
    // /dev/stdin on a socket (Node's child_process gives one) cannot be opened: read stdin.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO' && STDIN_PATHS.has(file))
      return source(stdin);
    throw cannot(error);
  }
  try {
    const stat = await promisify(fs.fstat)(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.isFIFO() || stat.isSocket())
      return source(new Socket({ fd, readable: true, writable: false }));
    if (isatty(fd)) return source(new ReadStream(fd));
    if (!stat.isFile()) {
      // Any other device (/dev/null, /dev/zero): its reads do not wait on anyone, but some fail
      // with EAGAIN when non-blocking; open it again as a plain file.
      const nonBlocking = fd;
      fd = -1;
      fs.closeSync(nonBlocking);
      fd = await promisify(fs.open)(file, 'r');
    }
    const stream = fs.createReadStream(file, { fd, highWaterMark: READ_CHUNK });
    return source(stream, stat.isFile() ? stat.size : undefined);
  } catch (error) {
    if (fd !== -1) fs.close(fd, () => {});
    throw cannot(error);
  }
}

/**
 * A whole user file (or stdin for `-`) as UTF-8 text (a byte-order mark dropped), at most
 * MAX_FILE_BYTES; UTF-16, Latin-1 or binary is an InputError on `field` naming the file. An
 * aborted `signal` (SIGINT, SIGTERM) ends the read at once, even of a quiet FIFO: a StoppedError.
 */
export async function readText(
  file: string,
  io: { stdin: NodeJS.ReadableStream; signal?: AbortSignal },
  field: string,
): Promise<string> {
  if (file === '-' && (io.stdin as { isTTY?: boolean }).isTTY) {
    throw new UsageError(
      "'-' reads from a pipe, and stdin is a terminal: give a file, or pipe one in (< file)",
    );
  }
  const source = await openSource(file, io.stdin);
  const name = clip(source.name, 200);
  const tooLarge = new InputError(
    `${name} is larger than ${formatBytes(MAX_FILE_BYTES)}, more than any file ml-salary reads: is it the right file?`,
    field,
  );
  if (source.size !== undefined && source.size > MAX_FILE_BYTES) {
    source.stream.destroy?.();
    throw tooLarge;
  }
  const sniff = (head: Buffer) => {
    const why = sniffBinary(head);
    return why === undefined ? undefined : new InputError(`${name} ${why}`, field);
  };
  const bytes = await readAll(source, io.signal, sniff, tooLarge);
  const bad = utf8Problem(bytes);
  if (bad !== undefined) throw new InputError(`${name} is ${bad}`, field);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Every byte of a source, up to the limit (`tooLarge` past it), checked by `sniff` as soon as
 * 8 bytes are in (so /dev/zero ends at its first chunk). An aborted `signal` ends the read at once.
 */
function readAll(
  source: Source,
  signal: AbortSignal | undefined,
  sniff: (head: Buffer) => Error | undefined,
  tooLarge: Error,
): Promise<Buffer> {
  const { stream } = source;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let sniffed = false;
    const finish = (error?: Error): void => {
      signal?.removeEventListener('abort', onAbort);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      if (error) {
        stream.destroy?.();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onAbort = (): void => finish(new StoppedError());
    const onError = (error: Error): void => finish(error);
    const onEnd = (): void =>
      finish(sniffed || size === 0 ? undefined : sniff(Buffer.concat(chunks)));
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size > MAX_FILE_BYTES) return finish(tooLarge);
      if (!sniffed && size >= 8) {
        sniffed = true;
        const problem = sniff(Buffer.concat(chunks));
        if (problem) finish(problem);
      }
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  }).catch((error: unknown) => {
    if (error instanceof InputError || error instanceof StoppedError) throw error;
    throw new UsageError(`cannot read '${clip(source.name, 200)}': ${fsReason(error)}`);
  });
}

/**
 * What is wrong with bytes that are not UTF-8: the first bad byte, `where` it is (" of the line")
 * and the letter it is in Latin-1 (the usual culprit); undefined for UTF-8.
 */
export function utf8Problem(bytes: Buffer, where = ''): string | undefined {
  if (isUtf8(bytes)) return undefined;
  // The first U+FFFD decoding gives that the bytes did not hold themselves starts the first
  // sequence that breaks UTF-8 (RFC 3629: no overlongs, no surrogates).
  const text = bytes.toString('utf8');
  let at = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    at = Buffer.byteLength(text.slice(0, i));
    if (bytes.readUIntBE(at, Math.min(3, bytes.length - at)) !== 0xefbfbd) break;
  }
  const byte = bytes[at] ?? 0;
  const latin1 = byte >= 0xa0 ? `, '${String.fromCharCode(byte)}' in Latin-1` : '';
  return `not valid UTF-8 text (bad byte 0x${byte.toString(16).padStart(2, '0')} at byte ${at + 1}${where}${latin1}); save it as UTF-8`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * Whether bytes read as UTF-16 without a byte-order mark: in their first (up to 64) bytes, every
 * other byte is 0 and the rest are ASCII text, as `{"base": ...` is in UTF-16LE or BE.
 */
function bomlessUtf16(b: Buffer): boolean {
  const n = Math.min(b.length, 64) & ~1;
  if (n < 4) return false;
  const text = (byte: number) =>
    byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f);
  for (const zero of [0, 1]) {
    let ok = true;
    for (let i = 0; i < n && ok; i += 2) ok = b[i + zero] === 0 && text(b[i + 1 - zero]!);
    if (ok) return true;
  }
  return false;
}

/**
 * What a file's first bytes say about it, before any of it is parsed: UTF-16 text (with a
 * byte-order mark, or ASCII text with every other byte 0), or binary (a NUL byte, or many
 * control bytes, in the first 8 KiB, as `grep` and `git` judge). Returns what to say after the
 * file's name ("is UTF-16 text; save it as UTF-8"), or undefined for text.
 */
export function sniffBinary(head: Buffer): string | undefined {
  const b = head.subarray(0, 8192);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || bomlessUtf16(b))
    return 'is UTF-16 text; save it as UTF-8';
  const nul = b.indexOf(0);
  if (nul !== -1) return `looks binary (a NUL byte at byte ${nul + 1}), not text`;
  const control = b.filter(
    (x) => (x < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(x)) || x === 0x7f,
  );
  if (b.length >= 32 && control.length / b.length > 0.1)
    return 'looks binary (many control bytes), not text';
  return undefined;
}
