import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`tsc found errors:\n${(e as { stdout: string }).stdout.split('\n').slice(0, 30).join('\n')}`);
  }
}
