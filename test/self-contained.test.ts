/**
 * A fresh clone must pass its tests with nothing beside it: no file under src/, test/, bench/,
 * scripts/ or docs/, nor the README, may point outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scanned = ['src', 'test', 'bench', 'scripts', 'docs', 'examples', 'playground', 'editors', 'README.md', '.ci'];

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(join(path, name)));
}

const textFiles = scanned
  .flatMap(filesUnder)
  .filter((f) => /\.(ts|mts|js|mjs|json|md|rnn|py|sh|html)$/.test(f) || f === join('.ci', 'run'))
  .filter((f) => !f.startsWith(join('test', 'golden')));

/** Relative paths in string literals and Markdown links: `'../x'`, `"./y"`, `](../z)`. */
function relativePaths(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/['"`(](\.\.?\/[^'"`)\s]*)/g)) found.push(match[1]);
  return found;
}

/**
 * Whether a path, taken relative to the file that names it, leaves the repository. Sources under
 * src/ and bench/ also run compiled from dist/, one folder deeper: a path may be meant from there.
 */
function leavesRepository(file: string, path: string): boolean {
  const bare = path.replace(/[#?].*$/, '');
  const homes = /^(src|bench)\//.test(file) ? [dirname(file), join('dist', dirname(file))] : [dirname(file)];
  return homes.every((home) => relative(root, resolve(root, home, bare)).startsWith('..'));
}

const thisFile = join('test', 'self-contained.test.ts');

/** The folder of reading material beside a checkout; spelt in pieces so this file does not name it. */
const beside = ['..', 'shared'].join('/');
const besideRepository = new RegExp(`${beside.replace(/\./g, '\\.')}\\b`);

describe('the repository is self-contained', () => {
  it('scans the files it means to', () => {
    expect(textFiles).toContain(join('test', 'helpers', 'compile.ts'));
    expect(textFiles).toContain('README.md');
    expect(textFiles.length).toBeGreaterThan(100);
  });

  it('no source, test, benchmark, script or document names a path outside the repository', () => {
    const outside: string[] = [];
    for (const file of textFiles.filter((f) => f !== thisFile)) {
      const text = readFileSync(join(root, file), 'utf8');
      if (besideRepository.test(text)) outside.push(`${file}: names the folder beside the repository`);
      for (const path of relativePaths(text)) {
        if (leavesRepository(file, path)) outside.push(`${file}: ${path}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('the check itself catches a path that climbs out of the repository', () => {
    expect(leavesRepository('test/helpers/compile.ts', `../../${beside}/reference/`)).toBe(true);
    expect(besideRepository.test(`new URL('../${beside}/x.json')`)).toBe(true);
    expect(leavesRepository('test/helpers/compile.ts', '../fixtures/pytorch/')).toBe(false);
    expect(leavesRepository('bench/run.ts', '../../bench/models/lstm.rnn')).toBe(false);
    expect(leavesRepository('test/run.ts', '../../bench/models/lstm.rnn')).toBe(true);
    expect(relativePaths("new URL('../../x', import.meta.url) and [a](../b.md)")).toEqual(['../../x', '../b.md']);
  });
});
