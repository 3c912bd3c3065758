/**
 * The playground's state in its URL, so a link reproduces a cell: the source (compressed with
 * deflate, in base64url) and the chosen model and sizes, in the fragment (which never reaches a
 * server). `v1.` marks the encoding so that a later one can still read old links.
 */

export interface SharedState {
  readonly source: string;
  readonly model?: string;
  readonly sizes?: string;
  readonly tab?: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link’s source is not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** Source text as it goes in a link. */
export async function encodeSource(source: string): Promise<string> {
  const bytes = new TextEncoder().encode(source);
  return `v1.${toBase64Url(await through(bytes, new CompressionStream('deflate-raw')))}`;
}

/** A link's source back as text; throws on a link that is damaged or of an unknown version. */
export async function decodeSource(encoded: string): Promise<string> {
  const match = /^v1\.(.*)$/s.exec(encoded);
  if (!match) throw new Error('the link’s source is of an unknown version');
  const bytes = await through(fromBase64Url(match[1]), new DecompressionStream('deflate-raw'));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The fragment (without `#`) for a state. */
export async function encodeState(state: SharedState): Promise<string> {
  const params = new URLSearchParams();
  params.set('src', await encodeSource(state.source));
  if (state.model) params.set('model', state.model);
  if (state.sizes) params.set('sizes', state.sizes);
  if (state.tab) params.set('tab', state.tab);
  return params.toString();
}

/** The state a fragment holds, or undefined when it holds no source. */
export async function decodeState(fragment: string): Promise<SharedState | undefined> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const src = params.get('src');
  if (src === null) return undefined;
  const [model, sizes, tab] = ['model', 'sizes', 'tab'].map((k) => params.get(k) ?? undefined);
  return {
    source: await decodeSource(src),
    ...(model ? { model } : {}),
    ...(sizes ? { sizes } : {}),
    ...(tab ? { tab } : {}),
  };
}

/** Sizes as the page's field writes them, `H=64, I=2` (a rate may be a fraction: `p=0.25`), to a record; throws on anything else. */
export function parseSizes(text: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\d+(?:\.\d*)?|\.\d+)$/.exec(part);
    if (!m) throw new Error(`sizes are written like H=64, I=2: '${part}' is not`);
    sizes[m[1]] = Number(m[2]);
  }
  return sizes;
}
