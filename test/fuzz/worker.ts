/** A fuzzer worker thread: exercises each source it is sent and posts the outcome back. */
import { parentPort } from 'node:worker_threads';
import { exercise } from './exercise.js';

parentPort?.on('message', ({ source, thorough, dataSeed }: { source: string; thorough: boolean; dataSeed: number }) => {
  void exercise(source, { thorough, dataSeed }).then((outcome) => parentPort?.postMessage(outcome));
});
