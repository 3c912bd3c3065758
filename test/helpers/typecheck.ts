import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { command } from './process.js';

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

/**
 * Type-checks generated modules as a strict user project would (unused code included), with no
 * ambient types unless named; throws tsc's first errors. Declaration files are checked too with
 * `checkDeclarations`. tsc runs in a child process the test awaits (see helpers/process.ts).
 */
export async function typecheck(
  files: readonly string[],
  folder: string,
  options: { checkDeclarations?: boolean; types?: string[]; lib?: string[] } = {},
): Promise<void> {
  const finished = await command(process.execPath, project(files, folder, options));
  if (finished.status !== 0)
    throw new Error(`tsc found errors:\n${finished.stdout.split('\n').slice(0, 30).join('\n')}${finished.stderr}`);
}
