/** V8's sampling profiler around a call that is run over and over: where its time goes, by function. */
import { Session } from 'node:inspector/promises';

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

export interface Sampled {
  /** Calls of `run` made while the profiler ran, and the ms they took together. */
  readonly calls: number;
  readonly elapsed: number;
  /** Each sampled function's own time (ms, summed over the samples), keyed by its node. */
  readonly self: ReadonlyMap<ProfileNode, number>;
}

/** Calls `run` for `ms` under the profiler, sampling every `intervalUs` microseconds. */
export async function sampleCalls(run: () => unknown, ms: number, intervalUs: number): Promise<Sampled> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < ms) {
    run();
    calls++;
  }
  const elapsed = performance.now() - start;
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await session.post('Profiler.disable');
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<ProfileNode, number>();
  profile.samples.forEach((id, k) => {
    const node = byId.get(id) as ProfileNode;
    self.set(node, (self.get(node) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  });
  return { calls, elapsed, self };
}
