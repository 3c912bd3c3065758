/**
 * The training progress bar: rewritten in place on a terminal; to a file or a pipe, a line at the
 * end of each epoch (and at most one a minute within a long one), beside the evaluations' lines.
 */
import type { Status } from '../train/loop.js';
import type { Terminal } from './train.js';

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function describeStatus(s: Status, width = 20): string {
  const done = Math.round((s.stepInEpoch / s.stepsPerEpoch) * width);
  return `epoch ${s.epoch + 1}${Number.isFinite(s.epochs) ? `/${s.epochs}` : ''} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${s.stepInEpoch}/${s.stepsPerEpoch} loss ${s.loss.toFixed(4)} | ${s.stepsPerSecond.toFixed(2)} steps/s, ${Math.round(s.tokensPerSecond).toLocaleString('en-US')} tokens/s | ETA ${clock(s.eta)}`;
}

export function progressBar(
  terminal: Terminal,
  now: () => number = () => performance.now(),
): { update(status: Status): void; clear(): void } {
  let shown = false;
  let lastLine = now();
  return {
    update(status) {
      if (terminal.status) {
        terminal.status(`\r${describeStatus(status)}\x1b[K`);
        shown = true;
        return;
      }
      const endOfEpoch = status.stepInEpoch >= status.stepsPerEpoch;
      if (endOfEpoch || now() - lastLine >= 60_000) {
        lastLine = now();
        terminal.out(describeStatus(status));
      }
    },
    clear() {
      if (shown && terminal.status) terminal.status('\r\x1b[K');
      shown = false;
    },
  };
}
