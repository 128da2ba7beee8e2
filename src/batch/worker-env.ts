/**
 * The environment variable that makes the CLI bundle serve as a batch worker when it starts in a
 * worker thread (src/batch/pool.ts). In a module of its own: the CLI checks it at start-up
 * without loading the batch code.
 */
export const WORKER_ENV = 'ML_SALARY_BATCH_WORKER';
