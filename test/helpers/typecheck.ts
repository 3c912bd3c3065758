import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the strict project's tsconfig.json for `files` and returns tsc's arguments. */
function project(
  files: readonly string[],
  folder: string,
  options: { checkDeclarations?: boolean; types?: string[]; lib?: string[] },
): string[] {
  const config = join(folder, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ES2022',
        moduleResolution: 'bundler',
        lib: options.lib ?? ['ES2022'],
        skipLibCheck: !options.checkDeclarations,
        types: options.types ?? [],
      },
      files,
    }),
  );
  const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
  return [tsc, '-p', config];
}

const failure = (e: unknown) =>
  new Error(`tsc found errors:\n${(e as { stdout: string }).stdout.split('\n').slice(0, 30).join('\n')}`);

/**
 * Type-checks generated modules as a strict user project would (unused code
 * included), with no ambient types unless named; throws tsc's first errors.
 * Declaration files are checked too with `checkDeclarations`.
 */
export function typecheck(
  files: readonly string[],
  folder: string,
  options: { checkDeclarations?: boolean; types?: string[]; lib?: string[] } = {},
): void {
  try {
    execFileSync(process.execPath, project(files, folder, options), { encoding: 'utf8' });
  } catch (e) {
    throw failure(e);
  }
}

/**
 * The same, in a child process the test waits for without blocking its worker: a check of a
 * minute (every example's module) would otherwise starve vitest's messages to the worker.
 */
export async function typecheckAsync(
  files: readonly string[],
  folder: string,
  options: { checkDeclarations?: boolean; types?: string[]; lib?: string[] } = {},
): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, project(files, folder, options), {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw failure(e);
  }
}
