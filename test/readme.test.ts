/**
 * The README's commands, run as a newcomer would: every `npx rnnc …` line of
 * its shell blocks, in the README's order, in one fresh folder that holds
 * the examples, so a command that reads what an earlier one wrote finds it.
 * Only the long training runs (and what reads their results) are left out.
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rnnc } from './helpers/cli.js';

const root = new URL('..', import.meta.url).pathname;

/** The words of a shell command line: spaces split, double quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** Every `npx rnnc` command of the README's sh blocks, without `npx rnnc` and anything after `&&`. */
function readmeCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.split('\n'))
    .flatMap((line) => line.split('&&').map((part) => part.trim()))
    .filter((command) => command.startsWith('npx rnnc '))
    .map((command) => command.slice('npx rnnc '.length));
}

/** Why a command is not run here, or undefined: runs of minutes, and what reads their results. */
function tooLong(command: string): string | undefined {
  const epochs = /--epochs (\d+)/.exec(command);
  if (/--minutes /.test(command)) return 'trains for minutes';
  if (epochs && Number(epochs[1]) > 20) return `trains for ${epochs[1]} epochs`;
  if (/--data (adding|cmudict)\b/.test(command)) return 'trains on a large data set';
  if (/^sample runs\/moby\b/.test(command)) return 'reads the run of the Moby-Dick training';
  return undefined;
}

describe('the README', () => {
  const commands = readmeCommands();
  const home = process.cwd();

  beforeAll(() => {
    const folder = mkdtempSync(join(tmpdir(), 'rnnc-readme-'));
    symlinkSync(join(root, 'examples'), join(folder, 'examples'));
    process.chdir(folder);
  });
  afterAll(() => process.chdir(home));

  it('shows the commands of every section', () => {
    for (const command of [
      'check',
      'graph',
      'run',
      'compile',
      'export',
      'import',
      'grad',
      'gradcheck',
      'analyze',
      'train',
      'compare',
    ])
      expect(commands.some((c) => c.startsWith(`${command} `))).toBe(true);
  });

  const left = commands.filter((c) => tooLong(c) !== undefined);
  it.each(commands.filter((c) => tooLong(c) === undefined))(
    'runs `rnnc %s` with exit status 0',
    async (command) => {
      const { status, err } = await rnnc(...words(command));
      expect(status, `${command}\n${err}`).toBe(0);
    },
    300_000,
  );
  it.skip.each(left.map((c) => [c, tooLong(c)]))('leaves out `rnnc %s`: it %s', () => undefined);
});
