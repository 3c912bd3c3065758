import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process and returns its exit status and what it printed. */
export async function rnnc(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** A fresh temporary folder, and a way to write files into it. */
export function scratchFolder(prefix: string): {
  path: (name: string) => string;
  write: (name: string, text: string) => string;
} {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return {
    path: (name) => join(folder, name),
    write: (name, text) => {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
