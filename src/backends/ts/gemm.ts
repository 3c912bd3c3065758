/**
 * GEMM kernels specialised for a model's sizes, written out as TypeScript.
 * Each computes a 4×4 tile of results in sixteen local accumulators, so
 * every value loaded from memory is used four times (scalar JavaScript's
 * main cost is loads); edges that do not fill a tile take narrower loops.
 * Three shapes cover an RNN:
 * - rows: out[s][i] = Σ_p w[i][p] x[s][p]        (W x for every sample)
 * - cols: out[s][j] = Σ_p v[s][p] w[p][j]        (v W for every sample)
 * - outer: out[i][j] += Σ_s a[s][i] b[s][j]      (weight gradients, summed over samples)
 */
import type { Code } from './code.js';

/** Sum of products a_u · b_v for a tile, as accumulator declarations and updates. */
function tile(rows: number, cols: number): { declare: string; names: (u: number, v: number) => string } {
  const names = (u: number, v: number) => `a${u}${v}`;
  const all: string[] = [];
  for (let u = 0; u < rows; u++) for (let v = 0; v < cols; v++) all.push(`${names(u, v)} = 0`);
  return { declare: `let ${all.join(', ')};`, names };
}

/** out[s][i] = Σ_p w[i][p] x[s][p]: every sample's vector times W [m, k]. */
export function emitRowsKernel(code: Code, name: string, arrayType: string, m: number, k: number): void {
  code.block(`function ${name}(w: ${arrayType}, x: ${arrayType}, out: ${arrayType}, samples: number): void {`, () => {
    const body = (sampleTile: number, rowTile: number, sStart: string, iStart: string) => {
      const t = tile(sampleTile, rowTile);
      code.line(t.declare);
      // Row and sample offsets, computed once per tile rather than at every step of p.
      for (let u = 0; u < rowTile; u++) code.line(`const wo${u} = (${iStart} + ${u}) * ${k};`);
      for (let v = 0; v < sampleTile; v++) code.line(`const xo${v} = (${sStart} + ${v}) * ${k};`);
      code.block(`for (let p = 0; p < ${k}; p++) {`, () => {
        for (let u = 0; u < rowTile; u++) code.line(`const w${u} = w[wo${u} + p];`);
        for (let v = 0; v < sampleTile; v++) {
          code.line(`const x${v} = x[xo${v} + p];`);
          for (let u = 0; u < rowTile; u++) code.line(`${t.names(v, u)} += w${u} * x${v};`);
        }
      });
      for (let v = 0; v < sampleTile; v++)
        for (let u = 0; u < rowTile; u++)
          code.line(`out[(${sStart} + ${v}) * ${m} + ${iStart} + ${u}] = ${t.names(v, u)};`);
    };
    const fullRows = m - (m % 4);
    code.line('let s = 0;');
    code.block('for (; s + 3 < samples; s += 4) {', () => {
      if (fullRows > 0) code.block(`for (let i = 0; i < ${fullRows}; i += 4) {`, () => body(4, 4, 's', 'i'));
      if (m % 4 > 0) code.block(`for (let i = ${fullRows}; i < ${m}; i++) {`, () => body(4, 1, 's', 'i'));
    });
    // One sample at a time (a batch of one): eight rows per tile, so x is loaded once for eight products.
    const eightRows = m - (m % 8);
    code.block('for (; s < samples; s++) {', () => {
      if (eightRows > 0) code.block(`for (let i = 0; i < ${eightRows}; i += 8) {`, () => body(1, 8, 's', 'i'));
      if (m % 8 >= 4)
        code.block(`for (let i = ${eightRows}; i < ${eightRows + 4}; i += 4) {`, () => body(1, 4, 's', 'i'));
      if (m % 4 > 0) code.block(`for (let i = ${fullRows}; i < ${m}; i++) {`, () => body(1, 1, 's', 'i'));
    });
  });
}

/** out[s][j] = Σ_p v[s][p] w[p][j]: every sample's vector times W [k, n]. */
export function emitColsKernel(code: Code, name: string, arrayType: string, k: number, n: number): void {
  code.block(`function ${name}(v: ${arrayType}, w: ${arrayType}, out: ${arrayType}, samples: number): void {`, () => {
    const body = (sampleTile: number, colTile: number, sStart: string, jStart: string) => {
      const t = tile(sampleTile, colTile);
      code.line(t.declare);
      for (let q = 0; q < sampleTile; q++) code.line(`const vo${q} = (${sStart} + ${q}) * ${k};`);
      code.block(`for (let p = 0; p < ${k}; p++) {`, () => {
        code.line(`const wo = p * ${n} + ${jStart};`);
        for (let u = 0; u < colTile; u++) code.line(`const w${u} = w[wo + ${u}];`);
        for (let q = 0; q < sampleTile; q++) {
          code.line(`const v${q} = v[vo${q} + p];`);
          for (let u = 0; u < colTile; u++) code.line(`${t.names(q, u)} += v${q} * w${u};`);
        }
      });
      for (let q = 0; q < sampleTile; q++)
        for (let u = 0; u < colTile; u++)
          code.line(`out[(${sStart} + ${q}) * ${n} + ${jStart} + ${u}] = ${t.names(q, u)};`);
    };
    const fullCols = n - (n % 4);
    code.line('let s = 0;');
    code.block('for (; s + 3 < samples; s += 4) {', () => {
      if (fullCols > 0) code.block(`for (let j = 0; j < ${fullCols}; j += 4) {`, () => body(4, 4, 's', 'j'));
      if (n % 4 > 0) code.block(`for (let j = ${fullCols}; j < ${n}; j++) {`, () => body(4, 1, 's', 'j'));
    });
    // One sample at a time: eight columns per tile, so v is loaded once for eight products.
    const eightCols = n - (n % 8);
    code.block('for (; s < samples; s++) {', () => {
      if (eightCols > 0) code.block(`for (let j = 0; j < ${eightCols}; j += 8) {`, () => body(1, 8, 's', 'j'));
      if (n % 8 >= 4)
        code.block(`for (let j = ${eightCols}; j < ${eightCols + 4}; j += 4) {`, () => body(1, 4, 's', 'j'));
      if (n % 4 > 0) code.block(`for (let j = ${fullCols}; j < ${n}; j++) {`, () => body(1, 1, 's', 'j'));
    });
  });
}

/**
 * out[i][j] = Σ_s a[s·aStep + i] b[s·bStep + j] for i < m, j < n: a weight
 * gradient summed over samples. `aStep`/`bStep` are 0 for an operand that
 * is the same for every sample.
 */
export function emitOuterKernel(code: Code, name: string, arrayType: string, m: number, n: number): void {
  code.block(
    `function ${name}(a: ${arrayType}, aStep: number, b: ${arrayType}, bStep: number, out: ${arrayType}, samples: number): void {`,
    () => {
      const body = (rowTile: number, colTile: number, iStart: string, jStart: string) => {
        const t = tile(rowTile, colTile);
        code.line(t.declare);
        code.block('for (let s = 0; s < samples; s++) {', () => {
          code.line('const ao = s * aStep;');
          code.line('const bo = s * bStep;');
          for (let v = 0; v < colTile; v++) code.line(`const b${v} = b[bo + ${jStart} + ${v}];`);
          for (let u = 0; u < rowTile; u++) {
            code.line(`const a${u}_ = a[ao + ${iStart} + ${u}];`);
            for (let v = 0; v < colTile; v++) code.line(`${t.names(u, v)} += a${u}_ * b${v};`);
          }
        });
        for (let u = 0; u < rowTile; u++)
          for (let v = 0; v < colTile; v++)
            code.line(`out[(${iStart} + ${u}) * ${n} + ${jStart} + ${v}] = ${t.names(u, v)};`);
      };
      const [fullRows, fullCols] = [m - (m % 4), n - (n % 4)];
      if (fullRows > 0) {
        code.block(`for (let i = 0; i < ${fullRows}; i += 4) {`, () => {
          if (fullCols > 0) code.block(`for (let j = 0; j < ${fullCols}; j += 4) {`, () => body(4, 4, 'i', 'j'));
          if (n % 4 > 0) code.block(`for (let j = ${fullCols}; j < ${n}; j++) {`, () => body(4, 1, 'i', 'j'));
        });
      }
      if (m % 4 > 0) {
        code.block(`for (let i = ${fullRows}; i < ${m}; i++) {`, () =>
          code.block(`for (let j = 0; j < ${n}; j++) {`, () => body(1, 1, 'i', 'j')),
        );
      }
    },
  );
}
