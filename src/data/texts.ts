/**
 * Labelled texts for many-to-one classification, read character by character
 * as token ids: the Spam Assassin corpus (spam or ham, from a message's
 * subject and body) and English first names (female or male). Records are
 * shuffled by a fixed seed before the split, since both corpora come sorted
 * (by folder, alphabetically), and each text is cut to the longest sequence
 * allowed (--seq). Batches give each text's length (labelled.ts pads them at the end
 * for `rnnc train --lengths`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { Random } from '../interp/random.js';
import type { Dataset } from './dataset.js';
import { labelledDataset, type LabelledRecord } from './labelled.js';

export interface LabelledText {
  readonly text: string;
  readonly label: number;
}

export interface TextClassesOptions {
  readonly name: string;
  readonly holdout: number;
  /** The longest text kept, in characters. */
  readonly maxSteps: number;
  /** The classes by number, for messages and the run folder. */
  readonly classes: readonly string[];
  /** Characters rarer than this (over the whole corpus) share one id. */
  readonly rareBelow?: number;
  /** The vocabulary of an earlier run, when resuming. */
  readonly vocabulary?: readonly string[];
}

/** The id characters outside the vocabulary share. */
const unknown = '\u0000';

/** The characters that keep ids of their own, in a fixed order (the unknown first when rare ones exist). */
function vocabularyOf(texts: readonly string[], rareBelow: number): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  const kept = [...counts.entries()].filter(([, n]) => n >= rareBelow).map(([c]) => c);
  kept.sort();
  return kept.length < counts.size ? [unknown, ...kept] : kept;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = new Random(seed);
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.min(k, Math.floor(random.next() * (k + 1)));
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

export function textClassesDataset(texts: readonly LabelledText[], options: TextClassesOptions): Dataset {
  const kept = texts.map((t) => ({ ...t, text: [...t.text].slice(0, options.maxSteps).join('') }));
  const nonEmpty = kept.filter((t) => t.text.length > 0);
  const vocabulary =
    options.vocabulary ??
    vocabularyOf(
      nonEmpty.map((t) => t.text),
      options.rareBelow ?? 1,
    );
  const ids = new Map(vocabulary.map((c, k) => [c, k]));
  const fallback = ids.get(unknown);
  const records: LabelledRecord[] = shuffled(nonEmpty, 20021).map((t, k) => ({
    steps: {
      ids: [...t.text].map((c) => {
        const id = ids.get(c) ?? fallback;
        if (id === undefined)
          throw new UserError(`${options.name}: '${c}' is not in the vocabulary of the run being resumed`);
        return id;
      }),
    },
    label: t.label,
    line: k + 1,
  }));
  return labelledDataset(records, {
    name: options.name,
    holdout: options.holdout,
    tokens: {
      width: vocabulary.length,
      what: 'distinct characters',
      meta: { vocabulary, classes: options.classes },
    },
  });
}

/**
 * The Spam Assassin corpus as texts: each message's subject and body (its other headers, which
 * name the mail servers it passed, are left out), labelled 1 for spam, 0 for ham.
 */
export function spamTexts(root: string, readJson: (path: string) => unknown): LabelledText[] {
  const out: LabelledText[] = [];
  for (const group of readdirSync(root).sort()) {
    if (!/^(easy-ham|hard-ham|spam)-\d$/.test(group)) continue;
    for (const file of readdirSync(join(root, group)).sort()) {
      if (!file.endsWith('.json')) continue;
      const record = readJson(join(root, group, file)) as { text?: unknown };
      if (typeof record.text !== 'string') throw new UserError(`${group}/${file} holds no message text`);
      out.push({ text: messageText(record.text), label: group.startsWith('spam') ? 1 : 0 });
    }
  }
  if (out.length === 0) throw new UserError(`${root} holds no messages`);
  return out;
}

/** A message's subject and body, whitespace runs folded to one space. */
export function messageText(message: string): string {
  const split = message.search(/\r?\n\r?\n/);
  const headers = split < 0 ? message : message.slice(0, split);
  const body = split < 0 ? '' : message.slice(split);
  const subject = /^subject:(.*)$/im.exec(headers)?.[1] ?? '';
  return `${subject.trim()}\n${body}`.replace(/\s+/g, ' ').trim();
}

/**
 * First names, labelled 0 (female) or 1 (male). A name on both lists (Jean, Robin) says nothing
 * of its bearer's gender, so it is left out.
 */
export function nameTexts(female: readonly string[], male: readonly string[]): LabelledText[] {
  const clean = (names: readonly string[]) => names.map((n) => n.trim()).filter((n) => n !== '');
  const [f, m] = [clean(female), clean(male)];
  const males = new Set(m);
  const both = new Set(f.filter((n) => males.has(n)));
  return [
    ...f.filter((n) => !both.has(n)).map((text) => ({ text, label: 0 })),
    ...m.filter((n) => !both.has(n)).map((text) => ({ text, label: 1 })),
  ];
}
