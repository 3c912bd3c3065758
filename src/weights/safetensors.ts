/**
 * The safetensors format (Hugging Face), which PyTorch reads and writes with
 * `safetensors.torch.load_file` / `save_file`: an unsigned 64-bit
 * little-endian header length N, N bytes of JSON mapping each tensor's name
 * to its dtype, shape and [begin, end) byte offsets into the data that
 * follows (plus an optional "__metadata__" of strings), then the data,
 * little-endian and row-major. rnnc reads and writes F32 and F64 tensors and
 * checks everything else a file claims before trusting it.
 */
import { UserError } from '../diagnostics.js';
import { byName } from '../names.js';

export interface NamedTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array;
}

const dtypes = { F32: { bytes: 4, array: Float32Array }, F64: { bytes: 8, array: Float64Array } } as const;
type DTypeName = keyof typeof dtypes;

interface HeaderEntry {
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data_offsets: readonly [number, number];
}

/** Reads a safetensors file; `what` names it in messages. */
export function readSafetensors(
  bytes: Uint8Array,
  what: string,
): { tensors: Map<string, NamedTensor>; metadata: Record<string, string> } {
  const fail = (message: string): never => {
    throw new UserError(`${what} is not a valid safetensors file: ${message}`);
  };
  if (bytes.length < 8) fail(`it has ${bytes.length} bytes, fewer than the 8 of the header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8))
    fail(`the header claims ${headerLength} bytes but the file has ${bytes.length - 8} after the length`);
  const headerEnd = 8 + Number(headerLength);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, headerEnd))) as Record<
      string,
      unknown
    >;
  } catch (e) {
    return fail(`its header is not JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('its header is not a JSON object');
  const data = bytes.subarray(headerEnd);
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, NamedTensor>();
  const ranges: [number, number, string][] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(`metadata ${k} is not a string`);
        metadata[k] = v as string;
      }
      continue;
    }
    const entry = value as HeaderEntry;
    if (!(entry?.dtype in dtypes)) fail(`tensor ${name} has dtype ${String(entry?.dtype)}; rnnc reads F32 and F64`);
    const { bytes: width, array } = dtypes[entry.dtype as DTypeName];
    const shape = entry.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      fail(`tensor ${name} has an invalid shape`);
    const offsets = entry.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0))
      fail(`tensor ${name} has invalid data_offsets`);
    const [begin, end] = offsets;
    const count = shape.reduce((a, b) => a * b, 1);
    if (end < begin || end > data.length)
      fail(`tensor ${name} lies outside the data (bytes ${begin}–${end} of ${data.length})`);
    if (end - begin !== count * width)
      fail(
        `tensor ${name} has ${end - begin} bytes but shape [${shape.join(', ')}] of ${entry.dtype} needs ${count * width}`,
      );
    ranges.push([begin, end, name]);
    const out = new array(count);
    const source = new DataView(data.buffer, data.byteOffset + begin, end - begin);
    for (let k = 0; k < count; k++)
      out[k] = width === 4 ? source.getFloat32(k * 4, true) : source.getFloat64(k * 8, true);
    tensors.set(name, { shape, data: out });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k][0] < ranges[k - 1][1]) fail(`tensors ${ranges[k - 1][2]} and ${ranges[k][2]} overlap`);
  }
  return { tensors, metadata };
}

/** Writes tensors (in name order, aligned as the format's reference writer aligns the header) as safetensors bytes. */
export function writeSafetensors(
  tensors: ReadonlyMap<string, NamedTensor>,
  metadata: Record<string, string> = {},
): Uint8Array {
  const names = [...tensors.keys()].sort();
  const header: Record<string, unknown> = byName();
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const name of names) {
    const t = tensors.get(name) as NamedTensor;
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new Error(`tensor ${name} has ${t.data.length} values but shape [${t.shape.join(', ')}]`);
    const width = t.data instanceof Float32Array ? 4 : 8;
    header[name] = {
      dtype: width === 4 ? 'F32' : 'F64',
      shape: [...t.shape],
      data_offsets: [offset, offset + count * width],
    };
    offset += count * width;
  }
  // The header is padded with spaces to a multiple of 8 bytes, so the data starts aligned.
  let json = JSON.stringify(header);
  while ((8 + new TextEncoder().encode(json).length) % 8 !== 0) json += ' ';
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const name of names) {
    const t = tensors.get(name) as NamedTensor;
    const width = t.data instanceof Float32Array ? 4 : 8;
    for (let k = 0; k < t.data.length; k++) {
      if (width === 4) view.setFloat32(at + k * 4, t.data[k], true);
      else view.setFloat64(at + k * 8, t.data[k], true);
    }
    at += t.data.length * width;
  }
  return out;
}

/** A safetensors file's tensors as nested arrays by name (how `params` options take values). */
export function safetensorsAsNested(bytes: Uint8Array, what: string): Record<string, unknown> {
  const nest = (data: ArrayLike<number>, shape: readonly number[], at: number): unknown => {
    if (shape.length === 0) return data[at];
    const step = shape.slice(1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[0] }, (_, k) => nest(data, shape.slice(1), at + k * step));
  };
  const values: Record<string, unknown> = byName();
  for (const [name, t] of readSafetensors(bytes, what).tensors) values[name] = nest(t.data, t.shape, 0);
  return values;
}
