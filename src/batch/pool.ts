import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Market } from '../types.js';
import { RecordWork, type Done, type Settings } from './work.js';
import { WORKER_ENV } from './worker-env.js';

/**
 * Worker threads for a large batch. The main thread reads and cuts the input into runs of whole
 * lines (see LineSplitter) and writes the results in input order; the workers estimate the runs.
 * Each worker is the CLI's own bundle, started with ML_SALARY_BATCH_WORKER=1 in its environment
 * (see `serveBatchWorker`), so no second copy of the code ships.
 */

/** A worker thread failed (it threw or stopped): not the user's input, so an internal error. */
export class WorkerError extends Error {
  constructor(message: string) {
    super(`batch worker thread: ${message}`);
    this.name = 'WorkerError';
  }
}

interface Job {
  text: string;
  firstLineNo: number;
}

interface Waiter {
  resolve: (done: Done) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Per worker, the jobs sent and not yet answered, oldest first (a worker answers in order). */
  private readonly waiting = new Map<Worker, Waiter[]>();
  private next = 0;
  private failure: WorkerError | undefined;
  private closing = false;

  constructor(script: string, count: number, settings: Settings) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, {
        workerData: { settings },
        env: { ...process.env, [WORKER_ENV]: '1' },
        stdin: false,
        stdout: false,
        stderr: false,
      });
      this.waiting.set(worker, []);
      worker.on('message', (done: Done) => this.waiting.get(worker)!.shift()?.resolve(done));
      worker.on('error', (error: Error) => this.fail(new WorkerError(error.message)));
      worker.on('messageerror', (error: Error) => this.fail(new WorkerError(error.message)));
      // A worker that stops on its own, busy or idle, fails the pool: a job sent to it later
      // would never be answered.
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new WorkerError(`stopped with exit code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  /** Estimate a run of whole lines on the next worker (in turn); resolves with what it came to. */
  submit(text: string, firstLineNo: number): Promise<Done> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.workers[this.next]!;
    this.next = (this.next + 1) % this.workers.length;
    return new Promise<Done>((resolve, reject) => {
      this.waiting.get(worker)!.push({ resolve, reject });
      worker.postMessage({ text, firstLineNo } satisfies Job);
    });
  }

  /** Stop every worker at once (work in progress is dropped). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: WorkerError): void {
    this.failure ??= error;
    for (const list of this.waiting.values()) {
      for (const waiter of list.splice(0)) waiter.reject(this.failure);
    }
  }
}

/**
 * The worker's side: estimate each run it is sent with the settings it was started with, and
 * answer with the output (NDJSON bytes are moved, not copied) and the bad records' messages.
 * Returns false when this is not a worker thread (the variable was set by hand): run as the CLI.
 */
export function serveBatchWorker(market: Market): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const data = workerData as { settings: Settings };
  const work = new RecordWork(market, data.settings);
  port.on('message', (job: Job) => {
    work.run(job.text, job.firstLineNo);
    const done = work.take();
    // Each NDJSON piece is a buffer of its own (the writer starts a new one), so it can be moved
    // rather than copied; smaller ones may share Node's buffer pool and are copied.
    const move: ArrayBuffer[] = [];
    for (const piece of done.out) {
      if (typeof piece !== 'string' && piece.buffer.byteLength > 8192) {
        move.push(piece.buffer as ArrayBuffer);
      }
    }
    port.postMessage(done, move);
  });
  return true;
}
