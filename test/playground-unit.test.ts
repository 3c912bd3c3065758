/**
 * The parts of the playground that are not the browser: the links that carry a source, the
 * editor's highlighting against the compiler's lexer, the TextMate grammar against the same token
 * list, a graph node's lookup from its Graphviz id, and the cost table the code view shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rnnLexer } from '../grammar/tokens.js';
import { costs } from '../src/api/costs.js';
import { graph } from '../src/api/graph.js';
import { UserError } from '../src/diagnostics.js';
import { builtinNames, highlightTokens, type HighlightKind } from '../src/editor/highlight.js';
import { textMateGrammar, textMateGrammarText } from '../src/editor/textmate.js';
import { irNode } from '../playground/src/graph-view.js';
import { decodeSource, decodeState, encodeSource, encodeState, parseSizes } from '../playground/src/share.js';
import { examplesDir } from './helpers/compile.js';

const examples = readdirSync(examplesDir)
  .filter((n) => n.endsWith('.rnn'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, examplesDir), 'utf8') }));

/** Texts that try the lexer's corners: keywords inside names, primes, numbers, comments across lines, stray characters. */
const corners = [
  "cells cell' cell_ modelx model\nh' = h'' + 1.5e-3 * .5 + 2. + 1e5",
  '/* a block\ncomment over\nlines */ state s: [H] // trailing\n/// doc\nx',
  'a == b != c <= d >= e < f > g = h % i @ j',
  'param W: [H, I] $ # ! ~',
  '/* never closed\nstill a comment\n',
  'x = 1\r\ny = 2\n',
];

describe('links that carry a source', () => {
  it('give back every shipped example exactly', async () => {
    for (const { text } of examples) expect(await decodeSource(await encodeSource(text))).toBe(text);
  });

  it('give back any text, including characters outside ASCII', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (text) => {
        expect(await decodeSource(await encodeSource(text))).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('are shorter than the source they carry, and safe in a URL fragment', async () => {
    const text = examples.find((e) => e.name === 'adding.rnn')?.text ?? '';
    const encoded = await encodeSource(text);
    expect(encoded.length).toBeLessThan(text.length);
    expect(encoded).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
  });

  it('keep the model, sizes and tab beside the source', async () => {
    const state = { source: 'cell C(H) {}', model: 'C', sizes: 'H=3', tab: 'code' };
    expect(await decodeState(`#${await encodeState(state)}`)).toEqual(state);
    expect(await decodeState('#tab=graph')).toBeUndefined();
  });

  it('that are damaged or of an unknown version say so instead of showing garbage', async () => {
    await expect(decodeSource('v2.abc')).rejects.toThrow(/unknown version/);
    await expect(decodeSource('v1.%%%')).rejects.toThrow(/base64url/);
    await expect(decodeSource('v1.AAAA')).rejects.toThrow();
  });

  it('read sizes written as the page writes them, and refuse anything else', () => {
    expect(parseSizes('H=64, I = 2')).toEqual({ H: 64, I: 2 });
    expect(parseSizes('H=8, p=0.25')).toEqual({ H: 8, p: 0.25 });
    expect(parseSizes('')).toEqual({});
    expect(() => parseSizes('H=-1')).toThrow(/H=64/);
    expect(() => parseSizes('H=six')).toThrow(/'H=six'/);
  });
});

/** The lexer's reading of a text: each token (skipped ones aside), doc comments, and where it gave up on a character. */
function lexed(text: string) {
  const result = rnnLexer.tokenize(text);
  return {
    tokens: result.tokens.map((t) => [t.startOffset, t.image, t.tokenType.name]),
    docs: (result.groups.docs ?? []).map((t) => [t.startOffset, t.image]),
    errors: result.errors.map((e) => e.offset),
  };
}

describe("the editor's highlighting", () => {
  const skipped = new Set<HighlightKind>(['space', 'comment', 'docComment', 'invalid']);

  for (const { name, text } of [...examples, ...corners.map((text, k) => ({ name: `corner ${k + 1}`, text }))])
    it(`reads ${name} token for token as the compiler's lexer does`, () => {
      const tokens = highlightTokens(text.replace(/\r/g, ''));
      const expected = lexed(text.replace(/\r/g, ''));
      const image = (t: { start: number; end: number }) => text.replace(/\r/g, '').slice(t.start, t.end);
      expect(tokens.filter((t) => !skipped.has(t.kind)).map((t) => [t.start, image(t), t.token])).toEqual(
        expected.tokens,
      );
      expect(tokens.filter((t) => t.kind === 'docComment').map((t) => [t.start, image(t)])).toEqual(expected.docs);
      // The lexer reports a run of characters it cannot read once, at the run's start.
      const invalid = tokens.filter((t) => t.kind === 'invalid').map((t) => t.start);
      expect(invalid.filter((start, k) => k === 0 || invalid[k - 1] !== start - 1)).toEqual(expected.errors);
    });

  it('marks the functions and prelude cells the language defines', () => {
    expect(builtinNames).toEqual(expect.arrayContaining(['sigmoid', 'tanh', 'softmax', 'Dense', 'Embedding']));
    const kinds = highlightTokens('h = sigmoid(Dense)').map((t) => t.kind);
    expect(kinds.filter((k) => k !== 'space')).toEqual([
      'name',
      'operator',
      'builtin',
      'bracket',
      'builtin',
      'bracket',
    ]);
  });
});

/** A minimal TextMate scanner: at each position the earliest match of the grammar's patterns, the first listed on a tie. */
function textMateScopes(text: string): { start: number; end: number; scope: string }[] {
  const grammar = textMateGrammar() as {
    patterns: { include: string }[];
    repository: Record<string, { name: string; match?: string; begin?: string; end?: string }>;
  };
  const rules = grammar.patterns.map((p) => grammar.repository[p.include.slice(1)]);
  const found: { start: number; end: number; scope: string }[] = [];
  let open: { scope: string; end: RegExp } | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    let pos = 0;
    while (pos <= line.length) {
      if (open) {
        open.end.lastIndex = pos;
        const m = open.end.exec(line);
        const end = m ? m.index + m[0].length : line.length;
        found.push({ start: offset + pos, end: offset + end, scope: open.scope });
        pos = end;
        if (m) open = undefined;
        else break;
        continue;
      }
      let best: { index: number; length: number; rule: (typeof rules)[number] } | undefined;
      for (const rule of rules) {
        const re = new RegExp(rule.match ?? rule.begin ?? '', 'gm');
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length, rule };
      }
      if (!best) break;
      if (best.rule.begin) {
        open = { scope: best.rule.name, end: new RegExp(best.rule.end ?? '', 'g') };
        found.push({ start: offset + best.index, end: offset + best.index + best.length, scope: best.rule.name });
        pos = best.index + best.length;
        continue;
      }
      found.push({ start: offset + best.index, end: offset + best.index + best.length, scope: best.rule.name });
      pos = best.index + Math.max(best.length, 1);
    }
    offset += line.length + 1;
  }
  return found;
}

describe('the TextMate grammar under editors/', () => {
  it('is the one the token list makes (npm run editors writes it)', () => {
    const committed = readFileSync(new URL('../editors/rnnc.tmLanguage.json', import.meta.url), 'utf8');
    expect(committed).toBe(textMateGrammarText());
  });

  const scopeOf: Partial<Record<HighlightKind, string>> = {
    keyword: 'keyword.other.rnn',
    builtin: 'support.function.rnn',
    primed: 'variable.other.next-state.rnn',
    number: 'constant.numeric.rnn',
    docComment: 'comment.line.documentation.rnn',
  };

  for (const { name, text } of [
    ...examples,
    ...corners.slice(0, 3).map((text, k) => ({ name: `corner ${k + 1}`, text })),
  ])
    it(`colours ${name}'s keywords, functions, primed names, numbers and doc comments as the editor does`, () => {
      const scopes = textMateScopes(text);
      for (const token of highlightTokens(text)) {
        const scope = scopeOf[token.kind];
        if (!scope) continue;
        const at = scopes.find((s) => s.start === token.start);
        expect({ text: text.slice(token.start, token.end), scope: at?.scope }).toEqual({
          text: text.slice(token.start, token.end),
          scope,
        });
      }
      // And nothing else is coloured as one of those.
      const starts = new Set(
        highlightTokens(text)
          .filter((t) => scopeOf[t.kind])
          .map((t) => t.start),
      );
      for (const s of scopes)
        if (Object.values(scopeOf).includes(s.scope))
          expect(starts.has(s.start), text.slice(s.start, s.end)).toBe(true);
    });
});

describe('a graph node clicked in the playground', () => {
  it('is found in the IR by its Graphviz id, at the top level and inside a step graph', () => {
    const text = examples.find((e) => e.name === 'lstm.rnn')?.text ?? '';
    const result = graph(text);
    const ids = [...result.dot.matchAll(/^\s*(n\d+(?:_n\d+)*) \[label/gm)].map((m) => m[1]);
    expect(ids.some((id) => id.includes('_'))).toBe(true);
    for (const id of ids) {
      const node = irNode(result.ir, id);
      expect(node, id).toBeDefined();
      expect(node?.id).toBe(Number(id.split('_n').pop()?.replace(/^n/, '')));
    }
    expect(irNode(result.ir, 'out0')).toBeUndefined();
    expect(irNode(result.ir, 'n99999')).toBeUndefined();
  });
});

describe('the cost table', () => {
  const lstm = examples.find((e) => e.name === 'lstm.rnn')?.text ?? '';

  it('counts the params and says what each row is', () => {
    const result = costs(lstm, { sizes: { I: 3, H: 5 } });
    // PyTorch's LSTM: four gates, each with W_i [H, I], W_h [H, H] and two biases [H].
    expect(result.costs.params).toBe(4 * (5 * 3 + 5 * 5 + 2 * 5));
    expect(result.rows.map((r) => r.key)).toContain('dispatches');
    expect(result.rows.every((r) => r.label.length > 0)).toBe(true);
  });

  it('shows what a pass changed: gate fusion turned off leaves more GEMMs in the loop', () => {
    const fused = costs(lstm, { level: 2 });
    const unfused = costs(lstm, { level: 2, disable: ['gate-fusion'] });
    const loop = (r: typeof fused) => Number(String(r.costs.loopGemms).split(' / ')[0]);
    expect(loop(unfused)).toBeGreaterThan(loop(fused));
  });

  it('refuses a pass that does not exist, naming the ones that do', () => {
    expect(() => costs(lstm, { disable: ['gate-fusing'] })).toThrow(UserError);
    expect(() => costs(lstm, { disable: ['gate-fusing'] })).toThrow(/gate-fusion/);
  });
});
