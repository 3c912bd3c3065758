/**
 * The control blocks through which a thread hands a kernel call to a worker
 * (ts/threads.ts): one block of int32s per worker at the start of the shared
 * memory. The generated JavaScript and the WebAssembly time loops
 * (step-loop.ts) both post jobs through them.
 */

/** Int32s in one worker's block. */
export const controlInts = 32;

/** Where each field is in a block, in int32s. */
export const controlField = {
  /** The number of the job last posted (the worker waits for it to change). */
  job: 0,
  /** The number of the job the worker last finished. */
  done: 1,
  /** 1 while the worker sleeps in `Atomics.wait`: posting a job must then wake it. */
  sleeping: 2,
  /** The kernel to call, by its index in the module's kernel list; −1 stops the worker. */
  kernel: 3,
  /** How many arguments follow. */
  count: 4,
  /**
   * The number of the job last claimed. Whoever moves it from job − 1 to job runs the job: the
   * worker when it sees the job, or the thread that posted it when that thread has done its own
   * share first (the worker may have lost its core), so a worker that does not run never holds up
   * the call.
   */
  claimed: 5,
  /** How many jobs the worker has run (only the worker writes it). */
  ran: 6,
  /** How many of the jobs posted to this worker the posting thread took back and ran (only it writes it). */
  kept: 7,
  /** The first argument. */
  args: 8,
} as const;
