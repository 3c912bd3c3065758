/**
 * The code panel: the generated code of two settings side by side (target, -O level, passes
 * turned off), their differences marked by CodeMirror's merge view, and the cost table of each.
 */
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import type { WorkerClient } from '../client.js';
import type { Choice, CodeReply, Setting } from '../protocol.js';
import { $, escapeHtml, formatNumber } from './dom.js';

const sides = ['a', 'b'] as const;
const defaults: Record<(typeof sides)[number], Setting> = {
  a: { target: 'ts', level: 0, disable: [] },
  b: { target: 'ts', level: 2, disable: [] },
};

/**
 * A compile result as one text: the module (JavaScript without its .d.ts), or for WGSL each kernel
 * under a heading, then the host that dispatches them.
 */
export function codeText(reply: CodeReply): string {
  const names = Object.keys(reply.files).filter((n) => !n.endsWith('.d.ts'));
  if (names.length === 1) return reply.files[names[0]];
  const order = [...names.filter((n) => n !== reply.main), reply.main];
  return order.map((n) => `// ===== ${n} =====\n${reply.files[n]}`).join('\n');
}

function settingForm(side: (typeof sides)[number], passes: readonly string[]): void {
  const set = $(`setting-${side}`);
  const current = readSetting(side);
  set.innerHTML = `<legend>${side === 'a' ? 'left' : 'right'}</legend>
    <select class="target"><option value="ts">TypeScript</option><option value="js">JavaScript</option><option value="wgsl">WGSL</option></select>
    <select class="level"><option value="0">-O0</option><option value="1">-O1</option><option value="2">-O2</option></select>
    <details><summary>passes off</summary>${passes
      .map(
        (p) =>
          `<label><input type="checkbox" value="${escapeHtml(p)}"${current.disable.includes(p) ? ' checked' : ''}> ${escapeHtml(p)}</label>`,
      )
      .join('')}</details>`;
  (set.querySelector('.target') as HTMLSelectElement).value = current.target;
  (set.querySelector('.level') as HTMLSelectElement).value = String(current.level);
}

function readSetting(side: (typeof sides)[number]): Setting {
  const set = $(`setting-${side}`);
  const target = set.querySelector<HTMLSelectElement>('.target');
  if (!target) return defaults[side];
  return {
    target: target.value as Setting['target'],
    level: Number((set.querySelector('.level') as HTMLSelectElement).value) as Setting['level'],
    disable: [...set.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value),
  };
}

const describe = (s: Setting) =>
  `${{ ts: 'TypeScript', js: 'JavaScript', wgsl: 'WGSL' }[s.target]} -O${s.level}${s.disable.length ? `, without ${s.disable.join(', ')}` : ''}`;

function costTable(left: CodeReply, right: CodeReply, a: Setting, b: Setting): string {
  const head = `<tr><th></th><th>${escapeHtml(describe(a))}</th><th>${escapeHtml(describe(b))}</th></tr>`;
  const rows = left.costs.rows.map((row, k) => {
    const other = right.costs.rows[k].value;
    return `<tr data-key="${row.key}"><th>${escapeHtml(row.label)}</th><td>${formatNumber(row.value)}</td><td>${formatNumber(other)}</td></tr>`;
  });
  return head + rows.join('');
}

export function setupCode(
  compiler: WorkerClient,
  choice: () => Choice,
  reportError: (e: unknown) => void,
): { setPasses(passes: readonly string[]): void; render(): Promise<void> } {
  let merge: MergeView | undefined;
  let known = '';
  const readOnly = [lineNumbers(), EditorState.readOnly.of(true), EditorView.editable.of(false)];
  const api = {
    setPasses(passes: readonly string[]) {
      if (passes.join() === known) return;
      known = passes.join();
      for (const side of sides) settingForm(side, passes);
    },
    async render() {
      const panel = $('panel-code');
      panel.dataset.ready = 'false';
      const settings = sides.map(readSetting);
      const [left, right] = await Promise.all(
        settings.map((setting) => compiler.call('code', { ...choice(), setting })),
      );
      merge?.destroy();
      merge = new MergeView({
        a: { doc: codeText(left), extensions: readOnly },
        b: { doc: codeText(right), extensions: readOnly },
        parent: $('code-diff'),
        collapseUnchanged: { margin: 3, minSize: 8 },
        diffConfig: { scanLimit: 2000, timeout: 500 },
      });
      $('code-summary').innerHTML = [left, right]
        .map(
          (r, k) =>
            `<div><b>${escapeHtml(describe(settings[k]))}</b>: ${escapeHtml(r.summary.join('; '))} (${r.ms.toFixed(0)} ms)</div>`,
        )
        .join('');
      $('costs').innerHTML = costTable(left, right, settings[0], settings[1]);
      panel.dataset.ms = Math.max(left.ms, right.ms).toFixed(1);
      panel.dataset.ready = 'true';
      panel.dataset.targets = settings.map((s) => s.target).join(',');
    },
  };
  for (const side of sides) $(`setting-${side}`).addEventListener('change', () => void api.render().catch(reportError));
  return api;
}
