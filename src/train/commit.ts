/**
 * A run folder's state — params, optimizer moments and run.json (model, data, settings,
 * progress, history) — changes as one unit, so a kill at any moment leaves either the previous
 * state or the next one, whole:
 *
 * 1. the new checkpoint, optimizer and run.json go to `<name>.next`, each written to a
 *    temporary name, flushed to disk (fsync) and renamed; run.json.next comes last and records
 *    the SHA-256 of the other two;
 * 2. the `.next` files are renamed over the current ones, run.json last, and the folder is
 *    flushed.
 *
 * A commit that was cut short is finished or undone before the folder is read or written
 * again: if run.json.next exists, every file of the new state was already whole on disk, so
 * the renames are completed; otherwise the `.next` files are partial and are removed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFailure } from '../cli/load.js';

/** The files of one committed state, run.json last. */
export const stateFiles = ['checkpoint.safetensors', 'optimizer.safetensors', 'run.json'] as const;
const next = (name: string) => `${name}.next`;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Flushes a folder's entries (the renames in it) to disk; some file systems cannot, which is fine. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can open or flush a directory (Windows); the renames stand regardless.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a file durably: a temporary name, flushed to disk, renamed into place, the folder flushed. */
export function writeDurably(path: string, contents: string | Uint8Array): void {
  const partial = `${path}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (e) {
    rmSync(partial, { force: true });
    throw writeFailure(path, e);
  }
  syncFolder(dirname(path));
}

function rename(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    throw writeFailure(to, e);
  }
}

/** Finishes or undoes a commit that was cut short; says which, or undefined if there was none. */
export function recoverRunFolder(folder: string): 'finished' | 'undone' | undefined {
  if (!existsSync(folder)) return undefined;
  if (existsSync(join(folder, next('run.json')))) {
    for (const name of stateFiles) {
      const pending = join(folder, next(name));
      if (existsSync(pending)) rename(pending, join(folder, name));
    }
    syncFolder(folder);
    return 'finished';
  }
  const leftovers = readdirSync(folder).filter((f) => f.endsWith('.next') || f.endsWith('.partial'));
  for (const f of leftovers) rmSync(join(folder, f), { force: true });
  if (leftovers.length > 0) syncFolder(folder);
  return leftovers.length > 0 ? 'undone' : undefined;
}

/** Commits a new state of the run: all of it, or (if cut short) none of it. */
export function commitRunState(
  folder: string,
  state: { readonly checkpoint: Uint8Array; readonly optimizer: Uint8Array; readonly run: object },
): void {
  recoverRunFolder(folder);
  const record = {
    ...state.run,
    files: { 'checkpoint.safetensors': sha256(state.checkpoint), 'optimizer.safetensors': sha256(state.optimizer) },
  };
  writeDurably(join(folder, next('checkpoint.safetensors')), state.checkpoint);
  writeDurably(join(folder, next('optimizer.safetensors')), state.optimizer);
  writeDurably(join(folder, next('run.json')), `${JSON.stringify(record, null, 2)}\n`);
  recoverRunFolder(folder);
}
