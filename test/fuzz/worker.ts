/** A fuzzer worker thread: exercises each source it is sent and posts the outcome back. */
import { parentPort } from 'node:worker_threads';
import { exercise } from './exercise.js';

parentPort?.on('message', ({ source, thorough }: { source: string; thorough: boolean }) => {
  void exercise(source, { thorough }).then((outcome) => parentPort?.postMessage(outcome));
});
