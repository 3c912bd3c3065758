/**
 * The text of runtime.ts, which the WGSL host module carries verbatim. In Node it is read from
 * disk; the playground's browser bundle replaces this module with one that holds the text
 * (scripts/playground.mjs), which is why it is a module of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let runtimeText: string | undefined;

/**
 * runtime.ts as text: beside this file when running from source, else in the package's src/,
 * from dist/src/backends/wgsl/ (the compiled tree) or dist/bundle/ (the bundle).
 */
export function runtimeSource(): string {
  if (runtimeText !== undefined) return runtimeText;
  const candidates = [
    './runtime.ts',
    '../../../../src/backends/wgsl/runtime.ts',
    '../../src/backends/wgsl/runtime.ts',
  ].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the WGSL host runtime is missing (looked for ${candidates.join(', ')})`);
  runtimeText = readFileSync(found, 'utf8');
  return runtimeText;
}
