/**
 * Grapheme-to-phoneme pairs from the CMU Pronouncing Dictionary, for an
 * encoder–decoder: the source is a word's letters, the target its phonemes
 * (stress marks dropped: 39 phonemes) followed by an end symbol, and the
 * decoder reads the target shifted right by one step behind a start symbol
 * (teacher forcing). Words with alternative pronunciations keep the first;
 * words with characters other than letters and apostrophes are left out.
 * Sources are padded at the end with a blank, targets with the end symbol.
 * A seeded random twentieth (by default) of the words is held out.
 */
import { UserError } from '../diagnostics.js';
import { Random } from '../interp/random.js';
import {
  argmax,
  batchesIn,
  inBatches,
  type Batch,
  type Dataset,
  draw,
  type Metric,
  oneHot,
  type Tensor,
} from './dataset.js';

export interface PairsOptions {
  readonly name: string;
  readonly holdout: number;
  /** Words longer than this many letters are left out. */
  readonly maxSteps: number;
}

interface Pair {
  readonly word: string;
  readonly letters: readonly number[];
  readonly phonemes: readonly number[];
}

const END = '</s>';
const START = '<s>';
const BLANK = '_';

export function pairsDataset(dictionary: Readonly<Record<string, string>>, options: PairsOptions): Dataset {
  const entries = Object.entries(dictionary).filter(
    ([word]) => /^[A-Z']+$/.test(word) && word.length <= options.maxSteps,
  );
  if (entries.length === 0) throw new UserError(`${options.name}: no words of at most ${options.maxSteps} letters`);
  const letters = [BLANK, ...[...new Set(entries.flatMap(([w]) => [...w]))].sort()];
  const phonemeSet = new Set(entries.flatMap(([, p]) => p.split(/\s+/).map((s) => s.replace(/\d/g, ''))));
  const phonemes = [END, START, ...[...phonemeSet].filter((p) => p !== '').sort()];
  const letterIndex = new Map(letters.map((c, k) => [c, k]));
  const phonemeIndex = new Map(phonemes.map((c, k) => [c, k]));
  const pairs: Pair[] = entries.map(([word, pron]) => ({
    word,
    letters: [...word].map((c) => letterIndex.get(c) as number),
    phonemes: pron
      .split(/\s+/)
      .map((s) => s.replace(/\d/g, ''))
      .filter((s) => s !== '')
      .map((p) => phonemeIndex.get(p) as number),
  }));
  // The split is fixed (not the training seed's), so runs with different seeds are evaluated alike.
  const random = new Random(1969);
  const heldMask = pairs.map(() => random.next() < options.holdout);
  const train = pairs.filter((_, k) => !heldMask[k]);
  const held = pairs.filter((_, k) => heldMask[k]);
  const [L, P] = [letters.length, phonemes.length];

  /**
   * Phoneme and word accuracy of guesses against a batch's targets, up to and with each word's
   * end symbol: `guess(t, b)` is the phoneme guessed at step t of word b.
   */
  const score = (batch: Batch, guess: (t: number, b: number) => number, how: string): Metric[] => {
    const target = batch.target as Tensor;
    const [U, B] = target.shape;
    const length = (batch.length as Tensor).data;
    let right = 0;
    let count = 0;
    let words = 0;
    for (let b = 0; b < B; b++) {
      let all = true;
      for (let t = 0; t < length[b] && t < U; t++) {
        const ok = target.data[(t * B + b) * P + guess(t, b)] === 1;
        right += ok ? 1 : 0;
        all &&= ok;
        count++;
      }
      words += all ? 1 : 0;
    }
    return [
      { name: `phoneme accuracy (${how})`, value: right / count },
      { name: `word accuracy (${how})`, value: words / B },
    ];
  };

  const batchOf = (drawn: readonly Pair[]): Batch => {
    // Longest word first: with lengths, the encoder's time loop finds its running samples in the
    // first rows as they are (src/backends/ts/ragged.ts). The order of a batch's samples changes
    // neither its loss nor its gradient.
    const chosen = [...drawn].sort((x, y) => y.letters.length - x.letters.length);
    const B = chosen.length;
    const S = Math.max(...chosen.map((p) => p.letters.length));
    const U = Math.max(...chosen.map((p) => p.phonemes.length)) + 1;
    const source = new Uint16Array(S * B); // blank-padded (index 0)
    const previous = new Uint16Array(U * B).fill(0);
    const target = new Uint16Array(U * B).fill(0); // END-padded (index 0)
    const length = new Float32Array(B);
    const sourceLength = new Float32Array(B);
    chosen.forEach((p, b) => {
      sourceLength[b] = p.letters.length;
      p.letters.forEach((c, t) => (source[t * B + b] = c));
      previous[b] = 1; // START
      p.phonemes.forEach((c, t) => {
        target[t * B + b] = c;
        if (t + 1 < U) previous[(t + 1) * B + b] = c;
      });
      length[b] = p.phonemes.length + 1;
    });
    return {
      source: { data: oneHot(source, L), shape: [S, B, L] },
      previous: { data: oneHot(previous, P), shape: [U, B, P] },
      target: { data: oneHot(target, P), shape: [U, B, P] },
      length: { data: length, shape: [B] },
      sourceLength: { data: sourceLength, shape: [B] },
    };
  };

  return {
    kind: 'pairs',
    description: `${options.name}: ${pairs.length.toLocaleString('en-US')} words of at most ${options.maxSteps} letters (${L - 1} letters, ${P - 2} phonemes without stress); ${train.length.toLocaleString('en-US')} to train on, ${held.length.toLocaleString('en-US')} held out`,
    roles: [
      { role: 'source', form: 'sequence', width: L, what: 'letters and the blank' },
      { role: 'previous', form: 'sequence', width: P, what: 'phonemes with the start and end symbols' },
      { role: 'target', form: 'sequence', width: P, what: 'phonemes with the start and end symbols' },
    ],
    stepsPerEpoch: (B) => batchesIn(train.length, B),
    trainBatch: (random: Random, B) => batchOf(Array.from({ length: B }, () => train[draw(random, train.length)])),
    heldOut: (B, _T, _layout, limit) => inBatches(held, B, limit, batchOf),
    // The letters, and the phonemes with the end symbol (the padding past it is more end symbols).
    lengths: (batch) => {
      const target = Array.from((batch.length as Tensor).data);
      return { source: Array.from((batch.sourceLength as Tensor).data), previous: target, target };
    },
    tokens: (batch) => (batch.target as Tensor).shape[0] * (batch.target as Tensor).shape[1],
    metrics(output, batch) {
      const B = (batch.target as Tensor).shape[1];
      return score(batch, (t, b) => argmax(output.data, (t * B + b) * P, P), 'teacher-forced');
    },
    /**
     * Greedy decoding: the decoder reads its own best guess of the phoneme before, from the
     * start symbol on. Step u's output depends only on the phonemes read before it, so the
     * model runs once per step with the guesses so far, and step u's guess is taken from
     * that run. A word is right when every phoneme up to and with the end symbol is.
     */
    async decode(run, batch) {
      const [U, B] = (batch.target as Tensor).shape;
      const guesses = new Uint16Array(U * B);
      for (let u = 0; u < U; u++) {
        const previous = new Uint16Array(U * B);
        for (let b = 0; b < B; b++) previous[b] = 1; // START
        for (let t = 1; t <= u; t++) for (let b = 0; b < B; b++) previous[t * B + b] = guesses[(t - 1) * B + b];
        const output = await run({ ...batch, previous: { data: oneHot(previous, P), shape: [U, B, P] } });
        if (!output) return [];
        for (let b = 0; b < B; b++) guesses[u * B + b] = argmax(output.data, (u * B + b) * P, P);
      }
      return score(batch, (t, b) => guesses[t * B + b], 'greedy');
    },
    reportLoss: (loss) => ({ name: 'loss', value: loss }),
    baselines() {
      const counts = new Map<number, number>();
      for (const p of train) for (const c of p.phonemes) counts.set(c, (counts.get(c) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const hits = held.reduce((a, p) => a + p.phonemes.filter((c) => c === top).length, 0);
      const total = held.reduce((a, p) => a + p.phonemes.length + 1, 0);
      return [{ name: `phoneme accuracy of always '${phonemes[top]}'`, value: hits / total }];
    },
    meta: { letters, phonemes },
  };
}
