/** A worker as an object of async calls: each request gets its reply (or its progress) by id. */
import type { ErrorData, Kind, ReplyMessage, Replies, Requests, TrainProgress } from './protocol.js';

/** An error a worker answered with: its message, and the diagnostics of a source error. */
export class WorkerError extends Error {
  constructor(readonly data: ErrorData) {
    super(data.message);
  }
}

export class WorkerClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; progress?: (p: TrainProgress) => void }
  >();

  constructor(url: URL) {
    this.worker = new Worker(url, { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<ReplyMessage>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if ('progress' in message) return waiting.progress?.(message.progress);
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new WorkerError(message.error));
    };
    this.worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'the worker failed'));
      this.pending.clear();
    };
  }

  call<K extends Kind>(kind: K, args: Requests[K], progress?: (p: TrainProgress) => void): Promise<Replies[K]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, ...(progress ? { progress } : {}) });
      this.worker.postMessage({ id, kind, args });
    });
  }
}
