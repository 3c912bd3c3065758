/**
 * Every test file: the worker's event loop runs between tests. vitest awaits each test, but a
 * synchronous test's promise settles as a microtask, so a file of synchronous tests (gradient
 * checks, compiles) runs start to end without the event loop turning. A worker that goes a
 * minute like that cannot answer vitest's main thread, and the run fails with "Timeout calling
 * onTaskUpdate" though every test passed (the full suite's gradient checks took 55 s in one go).
 */
import { afterEach } from 'vitest';
import { breathe } from './helpers/process.js';

afterEach(breathe);
