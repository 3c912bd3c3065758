/**
 * The run panel: a forward pass on WebAssembly SIMD (or WebGPU, where the browser has it) in the
 * runner worker, timed, beside the interpreter's numbers; and a gradient check in one click.
 */
import type { WorkerClient } from '../client.js';
import type { Backend, Choice, ForwardReply } from '../protocol.js';
import type { GradcheckResult } from '../../../src/api/gradcheck.js';
import { $, escapeHtml, formatNumber, numberValue } from './dom.js';

function forwardHtml(reply: ForwardReply): string {
  const rows = Object.entries(reply.outputs).map(([name, t]) => {
    const shown = t.data
      .slice(0, 6)
      .map((v) => v.toFixed(5))
      .join(' ');
    const reference = (reply.interpreter[name] ?? [])
      .slice(0, 6)
      .map((v) => v.toFixed(5))
      .join(' ');
    return `<tr><th>${escapeHtml(name)}</th><td>[${t.shape.join(', ')}]</td><td>${shown}${t.data.length > 6 ? ' …' : ''}</td><td>${reference}${t.data.length > 6 ? ' …' : ''}</td></tr>`;
  });
  const agrees = reply.maxRelativeDifference < 1e-3;
  return `<p class="ran">ran on <b>${escapeHtml(reply.ran)}</b>: ${reply.msPerCall.toFixed(3)} ms a call (median; ${reply.msRange[0].toFixed(3)}–${reply.msRange[1].toFixed(3)} ms)</p>
    <table><tr><th>output</th><th>shape</th><th>compiled (f32)</th><th>interpreter (f64)</th></tr>${rows.join('')}</table>
    <p class="${agrees ? 'good' : 'bad'}">largest relative difference from the interpreter: ${reply.maxRelativeDifference.toExponential(2)} ${agrees ? '(agrees within f32 rounding)' : '(disagrees)'}</p>`;
}

function gradcheckHtml(r: GradcheckResult): string {
  const rows = r.rows.map(
    (row) =>
      `<tr class="${Math.max(row.coordinateError, row.directionError) <= r.tolerance ? 'good' : 'bad'}"><th>${escapeHtml(row.name)}</th><td>${row.kind}</td><td>${row.checked} of ${row.size}</td><td>${formatNumber(row.coordinateError)}</td><td>${formatNumber(row.directionError)}</td></tr>`,
  );
  return `<p class="${r.passed ? 'good' : 'bad'}">gradcheck ${r.passed ? 'passed' : 'FAILED'}: worst relative error ${r.worst.toExponential(2)} (tolerance ${r.tolerance}), f64 interpreter against central differences, T = ${Object.values(r.steps).join(', ')}, B = ${r.batch}</p>
    <table><tr><th>gradient of</th><th>kind</th><th>coordinates</th><th>worst coordinate error</th><th>along a random direction</th></tr>${rows.join('')}</table>`;
}

/** The pasted inputs: a JSON object of nested arrays by input name, or an error saying what is wrong. */
export function pastedInputs(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`the pasted inputs are not JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('the pasted inputs must be a JSON object of each input by name, like {"x": [[[0.1, 0.2]]]}');
  return value as Record<string, unknown>;
}

export function setupRun(runner: WorkerClient, choice: () => Choice, reportError: (e: unknown) => void): void {
  if ('gpu' in navigator) $('backend').insertAdjacentHTML('beforeend', '<option value="webgpu">WebGPU</option>');
  // Threads share WebAssembly memory, which a browser gives only to a cross-origin isolated page.
  const threads = $('run-threads') as HTMLInputElement;
  threads.max = String(self.crossOriginIsolated ? navigator.hardwareConcurrency || 1 : 1);
  threads.disabled = !self.crossOriginIsolated;
  threads.title = self.crossOriginIsolated
    ? `up to ${threads.max}, the cores this browser reports`
    : 'threads need a cross-origin isolated page (see the README)';
  $('input-kind').addEventListener('change', () => {
    ($('pasted') as HTMLTextAreaElement).hidden = ($('input-kind') as HTMLSelectElement).value !== 'pasted';
  });
  const result = $('run-result');
  const busy = (text: string) => {
    result.dataset.ready = 'false';
    result.innerHTML = `<p>${escapeHtml(text)}</p>`;
  };
  $('run-forward').addEventListener('click', async () => {
    busy('compiling and running…');
    try {
      const pasted = ($('input-kind') as HTMLSelectElement).value === 'pasted';
      const reply = await runner.call('forward', {
        ...choice(),
        backend: ($('backend') as HTMLSelectElement).value as Backend,
        steps: numberValue('run-steps'),
        batch: numberValue('run-batch'),
        seed: 1,
        calls: 5,
        threads: numberValue('run-threads'),
        ...(pasted ? { inputs: pastedInputs(($('pasted') as HTMLTextAreaElement).value) } : {}),
      });
      result.innerHTML = forwardHtml(reply);
      result.dataset.result = JSON.stringify(reply);
      result.dataset.ready = 'forward';
    } catch (e) {
      result.innerHTML = `<p class="bad">${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`;
      result.dataset.ready = 'error';
      reportError(e);
    }
  });
  $('run-gradcheck').addEventListener('click', async () => {
    busy('checking gradients against finite differences in the interpreter…');
    try {
      const reply = await runner.call('gradcheck', choice());
      result.innerHTML = gradcheckHtml(reply);
      result.dataset.ready = 'gradcheck';
      result.dataset.passed = String(reply.passed);
    } catch (e) {
      result.innerHTML = `<p class="bad">${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`;
      result.dataset.ready = 'error';
      reportError(e);
    }
  });
}
