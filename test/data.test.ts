import { describe, expect, it } from 'vitest';
import { addingRecords } from '../src/data/adding.js';
import { bindData } from '../src/data/bind.js';
import { labelledDataset, readLabelled } from '../src/data/labelled.js';
import { loadDataset } from '../src/data/spec.js';
import { readColumn, seriesDataset } from '../src/data/series.js';
import { textDataset } from '../src/data/text.js';
import { messageText, nameTexts, textClassesDataset } from '../src/data/texts.js';
import { compileSource, selectModel } from '../src/frontend/program.js';
import { Random } from '../src/interp/random.js';
import { scratchFolder } from './helpers/cli.js';

const scratch = scratchFolder('rnnc-data-');

/** A vanilla cell, so the test models need nothing else. */
const cell = `cell Tanh(I, H) {
  input x: [I]
  state h: [H]
  param W: [H, I]
  param U: [H, H]
  h' = tanh(W @ x + U @ h)
  output h'
}`;

function model(source: string) {
  const compiled = compileSource(`${cell}\n${source}`, 'm.rnn');
  if (!compiled.program) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return selectModel(compiled.program);
}

const classifier = model(`
model C(I = 3, H = 4, C = 2) {
  input x: seq[I]
  target label: [C]
  layer s = Tanh(I, H) over x returns last
  layer logits = Dense(H, C) over s
  loss cross_entropy(logits, label)
  output logits
}`);

describe('text data', () => {
  it('makes one-hot windows whose target is the next character', () => {
    const data = textDataset('abcabcabcabcabcabcabcabcabcabc', { name: 't.txt', holdout: 0.2 });
    expect(data.meta.vocabulary).toEqual(['a', 'b', 'c']);
    const batch = data.trainBatch(new Random(1), 2, 4, { targetPerStep: true });
    expect(batch.input.shape).toEqual([4, 2, 3]);
    const at = (t: string, step: number, b: number) => {
      const row = batch[t].data.slice((step * 2 + b) * 3, (step * 2 + b + 1) * 3);
      return row.indexOf(1);
    };
    for (let s = 0; s < 3; s++) expect(at('target', s, 0)).toBe(at('input', s + 1, 0));
    expect((at('input', 0, 1) + 1) % 3).toBe(at('target', 0, 1));
  });

  it('gives the unigram baseline in bits per character', () => {
    const data = textDataset('abababababababababab', { name: 't.txt', holdout: 0.5 });
    // Two equally frequent characters: one bit each (add-one smoothing keeps it exact here).
    expect(data.baselines(4, { targetPerStep: true })[0].value).toBeCloseTo(1, 6);
    expect(data.reportLoss(Math.LN2)).toEqual({ name: 'bits/char', value: 1 });
  });

  it('refuses an empty file and a character outside a resumed run’s vocabulary, naming the line', () => {
    expect(() => textDataset('', { name: 'empty.txt', holdout: 0.1 })).toThrow('empty.txt: the file is empty');
    expect(() => textDataset('ab\nab\nax', { name: 'v.txt', holdout: 0.1, vocabulary: ['\n', 'a', 'b'] })).toThrow(
      'v.txt:3: the character "x" is not in the run\'s vocabulary of 3 characters',
    );
  });
});

describe('CSV series', () => {
  it('reads a column by name, standardizes it and makes next-value windows', () => {
    const rows = Array.from({ length: 40 }, (_, k) => `${k},${10 + k}`).join('\n');
    const data = seriesDataset(`day,count\n${rows}\n`, { name: 's.csv', holdout: 0.25, column: 'count', season: 7 });
    expect(data.description).toContain("column 'count', 40 values");
    const batch = data.trainBatch(new Random(2), 3, 5, { targetPerStep: false });
    expect(batch.input.shape).toEqual([5, 3, 1]);
    expect(batch.target.shape).toEqual([3, 1]);
    const held = data.heldOut(4, 5, { targetPerStep: true }, 100);
    // Every one of the 10 held-out values is forecast once.
    expect(held.reduce((a, b) => a + b.actual.shape[0], 0)).toBe(10);
    expect(held[0].actual.data[0]).toBe(40);
    // A straight line: the value a week earlier is 7 off, the day before 1.
    const [seasonal, naive] = data.baselines(5, { targetPerStep: true });
    expect(seasonal.value).toBe(7);
    expect(naive.value).toBe(1);
  });

  it('names the file and line of a ragged row and of a non-numeric cell', () => {
    expect(() => readColumn('a,b\n1,2\n3\n', { name: 'r.csv' })).toThrow(
      'r.csv:3: the row has 1 cells, but the header has 2',
    );
    expect(() => readColumn('a,b\n1,2\n3,x7\n', { name: 'n.csv' })).toThrow(
      'n.csv:3: column \'b\' holds "x7", not a number',
    );
    expect(() => readColumn('\n\n', { name: 'e.csv' })).toThrow('e.csv: the file is empty');
    expect(() => readColumn('a,b\n1,2\n', { name: 'c.csv', column: 'z' })).toThrow(
      "c.csv: no column 'z' (the header names a, b)",
    );
  });
});

describe('labelled sequences (JSONL)', () => {
  const good = [
    '{"sequence": [[1, 0, 0], [0, 1, 0]], "label": 0}',
    '{"sequence": [[0, 0, 1]], "label": 1}',
    '{"sequence": [[1, 1, 0], [0, 1, 1], [1, 0, 1]], "label": 1}',
    '{"sequence": [[0, 1, 0], [1, 0, 0]], "label": 0}',
  ].join('\n');

  it('pads shorter sequences at the front so every one ends at the last step', () => {
    const data = labelledDataset(readLabelled(good, 'l.jsonl', 10), { name: 'l.jsonl', holdout: 0.25 });
    const [batch] = data.heldOut(8, 10, { targetPerStep: false }, 10);
    expect(batch.input.shape).toEqual([2, 1, 3]);
    const train = data.heldOut(3, 10, { targetPerStep: false }, 10);
    expect(train).toHaveLength(1);
    const all = labelledDataset(readLabelled(good, 'l.jsonl', 10), { name: 'l.jsonl', holdout: 0.5 });
    const batches = all.heldOut(2, 10, { targetPerStep: false }, 10);
    // Records 3 and 4: lengths 3 and 2; the second is padded with one zero step in front.
    expect(batches[0].input.shape).toEqual([3, 2, 3]);
    expect(Array.from(batches[0].input.data.slice(0, 6))).toEqual([1, 1, 0, 0, 0, 0]);
    expect(Array.from(batches[0].target.data)).toEqual([0, 1, 1, 0]);
  });

  it('pads at the end and gives each sequence’s length when samples run for their own steps (--lengths)', () => {
    const all = labelledDataset(readLabelled(good, 'l.jsonl', 10), { name: 'l.jsonl', holdout: 0.5 });
    const [front] = all.heldOut(2, 10, { targetPerStep: false }, 10);
    const [end] = all.heldOut(2, 10, { targetPerStep: false, lengths: true }, 10);
    expect(all.lengths?.(end)).toEqual({ input: [3, 2] });
    const row = (batch: typeof end, t: number, b: number) =>
      Array.from(batch.input.data.slice((t * 2 + b) * 3, (t * 2 + b + 1) * 3));
    // The second record's two steps: at the front of its column with lengths, behind a zero step without.
    expect(row(end, 0, 1)).toEqual(row(front, 1, 1));
    expect(row(end, 1, 1)).toEqual(row(front, 2, 1));
    expect(row(end, 2, 1)).toEqual([0, 0, 0]);
    expect(row(front, 0, 1)).toEqual([0, 0, 0]);
  });

  it('names the file and line of every kind of bad record', () => {
    const bad =
      (text: string, max = 10) =>
      () =>
        readLabelled(text, 'b.jsonl', max);
    expect(bad('')).toThrow('b.jsonl: the file holds no records');
    expect(bad('{"sequence": [1, 2], "label": 0}\n{"sequence": [1, 2]')).toThrow('b.jsonl:2: not valid JSON');
    expect(bad('{"sequence": [[1, 2], [3]], "label": 0}')).toThrow('b.jsonl:1: step 1 has 1 values, but step 0 have 2');
    expect(bad('{"sequence": [[1, 2]], "label": 0}\n{"sequence": [[1, 2, 3]], "label": 1}')).toThrow(
      "b.jsonl:2: step 0 has 3 values, but line 1's steps have 2",
    );
    expect(bad('{"sequence": [1, "two"], "label": 0}')).toThrow(
      'b.jsonl:1: step 1 of "sequence" holds "two", not a number or a list of numbers',
    );
    expect(bad('{"sequence": [1], "label": 1.5}')).toThrow(
      'b.jsonl:1: "label" must be a class number 0, 1, 2, …, got 1.5',
    );
    expect(bad('{"sequence": [1, 2, 3, 4]}\n', 10)).toThrow('b.jsonl:1: the record has no "label"');
    expect(bad('{"sequence": [1, 2, 3, 4], "label": 0}', 3)).toThrow(
      'b.jsonl:1: the sequence has 4 steps, more than the 3 allowed (--seq)',
    );
  });

  it('refuses a label outside the model’s class count, naming the line that has it', () => {
    const text = `${good}\n{"sequence": [[1, 0, 0]], "label": 4}`;
    const data = labelledDataset(readLabelled(text, 'c.jsonl', 10), { name: 'c.jsonl', holdout: 0.2 });
    // Unset, the class count C follows the data…
    expect(bindData(classifier, data, {}).sizes.C).toBe(5);
    // …but fixed by --size it must hold every label.
    expect(() => bindData(classifier, data, { C: 2 })).toThrow(
      "c.jsonl:5 has label 4, outside the 2 classes of model C's label ([C])",
    );
  });
});

describe('the named data sets', () => {
  it('reads Moby-Dick, the US births and CMUdict from their npm packages', () => {
    const moby = loadDataset('moby-dick', { steps: 100 });
    expect(moby.description).toMatch(/^Moby-Dick: 1,190,317 characters, 83 distinct/);
    const births = loadDataset('births', { steps: 56 });
    expect(births.description).toContain("column 'births', 7,305 values");
    const g2p = loadDataset('cmudict', { steps: 16 });
    expect(g2p.roles.map((r) => [r.role, r.width])).toEqual([
      ['source', 28],
      ['previous', 41],
      ['target', 41],
    ]);
    const batch = g2p.trainBatch(new Random(0), 4, 16, { targetPerStep: true });
    // The decoder reads the target shifted right behind the start symbol.
    const [U, B, P] = batch.target.shape;
    for (let t = 1; t < U; t++)
      for (let b = 0; b < B; b++) {
        const prev = batch.previous.data.slice((t * B + b) * P, (t * B + b + 1) * P).indexOf(1);
        const target = batch.target.data.slice(((t - 1) * B + b) * P, ((t - 1) * B + b + 1) * P).indexOf(1);
        expect(prev).toBe(target);
      }
  });

  it('decodes CMUdict greedily, feeding the decoder its own guesses', async () => {
    const g2p = loadDataset('cmudict', { steps: 16 });
    const [batch] = g2p.heldOut(4, 16, { targetPerStep: true }, 1);
    const target = batch.target;
    const [U, B, P] = target.shape;
    // A model that knows the answer gets every word right; one that repeats what it read gets
    // none, though teacher forcing would score its guesses right wherever the truth repeats.
    const oracle = async () => ({ data: target.data, shape: target.shape });
    const echo = async (b: typeof batch) => ({ data: b.previous.data, shape: b.previous.shape });
    const decode = g2p.decode as NonNullable<typeof g2p.decode>;
    expect(await decode(oracle, batch)).toEqual([
      { name: 'phoneme accuracy (greedy)', value: 1 },
      { name: 'word accuracy (greedy)', value: 1 },
    ]);
    const echoed = await decode(echo, batch);
    expect(echoed[1]).toEqual({ name: 'word accuracy (greedy)', value: 0 });
    // Echoing, every guess is the start symbol: right nowhere, as no target holds it.
    expect(echoed[0].value).toBe(0);
    expect(U * B * P).toBe(target.data.length);
  });

  it('makes the adding problem with one marked step in each half and the sum as the target', () => {
    for (const r of addingRecords(50, 20, 3)) {
      const marked = r.steps.flatMap((s, t) => (s[1] === 1 ? [t] : []));
      expect(marked).toHaveLength(2);
      expect(marked[0]).toBeLessThan(10);
      expect(marked[1]).toBeGreaterThanOrEqual(10);
      expect((r.label as number[])[0]).toBeCloseTo(r.steps[marked[0]][0] + r.steps[marked[1]][0], 12);
    }
    // Predicting the mean sum gives about 1/6.
    const data = loadDataset('adding', { steps: 100 });
    expect(data.baselines(100, { targetPerStep: false })[0].value).toBeCloseTo(1 / 6, 1);
  });

  it('reads a file by its extension or a kind prefix, and says what a spec may be', () => {
    const path = scratch.write('s.csv', 'v\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect(loadDataset(path, { steps: 2 }).kind).toBe('series');
    const text = scratch.write('notes.dat', 'hello there, hello again');
    expect(loadDataset(`text:${text}`, { steps: 2 }).kind).toBe('text');
    expect(() => loadDataset(text, { steps: 2 })).toThrow(
      `--data ${text}: name a data set (moby-dick, births, cmudict, spam, names, adding) or a file as text:FILE, csv:FILE or jsonl:FILE`,
    );
    expect(() => loadDataset('csv:/no/such.csv', { steps: 2 })).toThrow('cannot read /no/such.csv: no such file');
  });
});

describe('labelled texts (spam, names)', () => {
  it('keeps a message’s subject and body, folding whitespace, and leaves its other headers out', () => {
    const message =
      'From: someone@example.com\nSubject:  Cheap   pills\nReceived: by mail.example.com\n\nBuy\n\n now!\n';
    expect(messageText(message)).toBe('Cheap pills Buy now!');
    expect(messageText('Subject: only headers')).toBe('only headers');
  });

  it('labels names 0 (female) and 1 (male) and leaves out names on both lists', () => {
    expect(nameTexts(['Ann', 'Robin', ' '], ['Bob', 'Robin'])).toEqual([
      { text: 'Ann', label: 0 },
      { text: 'Bob', label: 1 },
    ]);
  });

  it('pads batches of token ids at the end and gives each text’s length; cuts texts to --seq', () => {
    const texts = [
      { text: 'abc', label: 0 },
      { text: 'a', label: 1 },
      { text: 'bbbbbbbb', label: 1 },
      { text: 'cab', label: 0 },
    ];
    const data = textClassesDataset(texts, { name: 'toy', holdout: 0.5, maxSteps: 5, classes: ['x', 'y'] });
    expect(data.roles[0]).toMatchObject({ role: 'input', width: 3, what: 'distinct characters' });
    expect(data.meta.vocabulary).toEqual(['a', 'b', 'c']);
    const [batch] = data.heldOut(2, 5, { targetPerStep: false, lengths: true }, 1);
    const lengths = data.lengths?.(batch).input as number[];
    const [T, B, V] = batch.input.shape;
    expect(T).toBe(Math.max(...lengths));
    for (let b = 0; b < B; b++)
      for (let t = 0; t < T; t++) {
        const row = Array.from(batch.input.data.slice((t * B + b) * V, (t * B + b + 1) * V));
        // A text's characters first, then zero rows.
        expect(row.reduce((a, v) => a + v, 0)).toBe(t < lengths[b] ? 1 : 0);
      }
    expect(
      Math.max(
        ...data.heldOut(4, 5, { targetPerStep: false, lengths: true }, 1).flatMap((x) => data.lengths?.(x).input ?? []),
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('reads first names and the Spam Assassin corpus from their npm packages, shuffled before the split', () => {
    const names = loadDataset('names', { steps: 16 });
    expect(names.description).toMatch(/^first names: 8,008 sequences of 53 distinct characters/);
    // Both lists are sorted, so an unshuffled split would hold out only men.
    const majority = names.baselines(16, { targetPerStep: false })[0];
    expect(majority.value).toBeGreaterThan(0.5);
    expect(majority.value).toBeLessThan(0.65);
    const spam = loadDataset('spam', { steps: 100 });
    expect(spam.description).toMatch(/^Spam Assassin: 6,04\d sequences/);
    expect(spam.meta.classes).toEqual(['ham', 'spam']);
    expect(spam.baselines(100, { targetPerStep: false })[0].value).toBeGreaterThan(0.6);
  }, 120_000);
});

describe('binding data to a model', () => {
  it('sets the vocabulary size from the text and refuses a model of the wrong shape', () => {
    const char = model(`
model M(V = 4, H = 3) {
  input x: seq[V]
  target y: seq[V]
  layer s = Tanh(V, H) over x
  layer l = Dense(H, V) over s
  loss cross_entropy(l, y)
  output l
}`);
    const data = textDataset('hello world, hello', { name: 'h.txt', holdout: 0.2 });
    const binding = bindData(char, data, {});
    expect(binding.sizes.V).toBe(9);
    expect(binding.names).toEqual({ input: 'x', target: 'y' });
    expect(() => bindData(char, data, { V: 5 })).toThrow(
      "the data has 9 distinct characters, but model M's input x: seq[V] is 5 wide with V = 5, H = 3",
    );
    expect(() => bindData(classifier, data, {})).toThrow(
      'text data gives the target as a sequence ([T][B][…]), but model C declares target label: [C]',
    );
  });
});
