/**
 * A scan over a ragged batch that does the work of the real steps only
 * (`ScanAttrs.skipEnded`, set by src/passes/skip-ended.ts), as packed sequences do: the samples are taken longest
 * first, so the ones still running at a step are the first rows, and each
 * step computes those rows alone. The step's code reads the batch size from
 * `B`, so the loop shadows `B` with the number of samples running; the
 * strides of sequences stay those of the whole batch.
 *
 * The samples' order is the caller's: a batch not sorted by length is
 * gathered into that order on the way in (the scan's batched inputs and
 * initial states) and scattered back on the way out (its final states and
 * per-step outputs). Rows past a sample's length are never computed: its
 * states keep their values and its per-step outputs are zero, which is what
 * the masks the step still applies (src/ir/lengths.ts) would give.
 */
/** The module's helpers for such scans (emitted with the lengths' support, dropped where unused). */
export function raggedSupport(arrayType: string): string {
  return `
/** The samples longest first (\`order\`, or null when they already are), and their lengths in that order. */
function byLength(lengths: ArrayLike<number>, batch: number): { order: Int32Array | null; sorted: Int32Array } {
  const order = Int32Array.from({ length: batch }, (_, b) => b).sort((a, b) => lengths[b] - lengths[a] || a - b);
  const sorted = Int32Array.from(order, (b) => lengths[b]);
  return { order: order.every((b, k) => b === k) ? null : order, sorted };
}

/** How many samples run at step t: those longer than t (\`sorted\` is longest first). */
function runningAt(sorted: Int32Array, t: number): number {
  let n = 0;
  while (n < sorted.length && sorted[n] > t) n++;
  return n;
}

/** Rows of \`from\` into \`to\` in \`order\` (or back, scattering), in each of \`blocks\` blocks of \`order.length\` rows of \`width\`. */
function reorderRows(to: ${arrayType}, from: ${arrayType}, order: Int32Array, blocks: number, width: number, back: boolean): ${arrayType} {
  const batch = order.length;
  for (let k = 0; k < blocks; k++) {
    for (let r = 0; r < batch; r++) {
      const [a, b] = back ? [order[r], r] : [r, order[r]];
      to.set(from.subarray((k * batch + b) * width, (k * batch + b + 1) * width), (k * batch + a) * width);
    }
  }
  return to;
}
`;
}
