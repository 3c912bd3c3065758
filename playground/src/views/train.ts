/**
 * The train and compare panels: a few hundred steps of a shipped task in the runner worker, with
 * the loss as it falls and the gradient at each input step; or two models in turns, their loss
 * curves together and their step times side by side.
 */
import { lineChart, type LineChart } from '../charts.js';
import type { WorkerClient } from '../client.js';
import type { Choice, TaskName, TrainProgress, TrainReply } from '../protocol.js';
import { $, escapeHtml, numberValue } from './dom.js';

/** Predicting the mean sum of the adding problem gives an MSE of 1/6: a model must beat it. */
const addingBaseline = 1 / 6;

function settings() {
  return {
    task: ($('task') as HTMLSelectElement).value as TaskName,
    steps: numberValue('train-steps'),
    batch: numberValue('train-batch'),
    sequence: numberValue('train-sequence'),
    learningRate: numberValue('train-rate'),
    seed: 1,
  };
}

/** Losses of each run, smoothed over the last 10 steps for the chart (raw ones are kept too). */
class Curves {
  readonly losses: number[][];
  constructor(runs: number) {
    this.losses = Array.from({ length: runs }, () => []);
  }
  add(p: TrainProgress): void {
    this.losses[p.run].push(...p.losses);
  }
  smoothed(run: number): number[] {
    const l = this.losses[run];
    return l.map((_, k) => {
      const window = l.slice(Math.max(0, k - 9), k + 1);
      return window.reduce((a, b) => a + b, 0) / window.length;
    });
  }
  chart(chart: LineChart, baseline?: number): void {
    const n = Math.max(...this.losses.map((l) => l.length));
    const x = Array.from({ length: n }, (_, k) => k + 1);
    const ys = this.losses.map((_, r) => this.smoothed(r));
    chart.set(x, baseline === undefined ? ys : [...ys, x.map(() => baseline)]);
  }
}

function replyHtml(reply: TrainReply): string {
  return `<p>${escapeHtml(reply.description)}${reply.stopped ? ' (stopped)' : ''}</p>`;
}

export function setupTrain(
  runner: WorkerClient,
  choice: () => Choice,
  compareRuns: () => Choice[],
  reportError: (e: unknown) => void,
): void {
  const buttons = ['train-start', 'compare-start'].map((id) => $(id) as HTMLButtonElement);
  const stop = $('train-stop') as HTMLButtonElement;
  stop.addEventListener('click', () => void runner.call('stop', {}));

  async function go(runs: Choice[], panel: 'train' | 'compare'): Promise<void> {
    const s = settings();
    const baseline = s.task === 'adding' ? addingBaseline : undefined;
    const statusEl = $(`${panel}-status`);
    const names = runs.map((r) => r.model);
    const lossChart = lineChart($(panel === 'train' ? 'loss-chart' : 'compare-chart'), {
      title: `training loss (mean of the last 10 steps), ${s.task === 'adding' ? 'the adding problem' : 'sums.jsonl'}`,
      xLabel: 'step',
      yLabel: 'loss',
      series: [...names, ...(baseline !== undefined ? ['predicting the mean (1/6)'] : [])],
    });
    const flowChart =
      panel === 'train'
        ? lineChart($('flow-chart'), {
            title: '‖∂L/∂x_t‖ at each input step t (how far back the gradient reaches)',
            xLabel: 't',
            yLabel: 'gradient norm',
            series: ['first step', 'latest step'],
            logY: true,
          })
        : undefined;
    const curves = new Curves(runs.length);
    const times = runs.map(() => 0);
    let firstFlow: readonly number[] | undefined;
    for (const b of buttons) b.disabled = true;
    stop.disabled = false;
    statusEl.dataset.state = 'running';
    statusEl.textContent = 'compiling…';
    try {
      const reply = await runner.call('train', { runs, ...s }, (p) => {
        curves.add(p);
        times[p.run] = p.msPerStep;
        curves.chart(lossChart, baseline);
        if (flowChart && p.gradientFlow) {
          firstFlow ??= p.gradientFlow;
          flowChart.set(
            p.gradientFlow.map((_, t) => t + 1),
            [firstFlow, p.gradientFlow],
          );
        }
        statusEl.textContent = runs
          .map((r, k) => {
            const l = curves.losses[k];
            return `${r.model}: step ${l.length} of ${s.steps}, loss ${(curves.smoothed(k).at(-1) ?? NaN).toFixed(4)}, ${times[k].toFixed(2)} ms a step`;
          })
          .join(' · ');
      });
      statusEl.insertAdjacentHTML('beforeend', replyHtml(reply));
      statusEl.dataset.state = 'done';
      statusEl.dataset.losses = JSON.stringify(curves.losses);
      if (panel === 'compare')
        $('compare-table').innerHTML =
          '<tr><th>model</th><th>final loss (mean of the last 10)</th><th>ms a step (median)</th></tr>' +
          reply.runs
            .map(
              (r, k) =>
                `<tr><th>${escapeHtml(r.model)}</th><td>${(curves.smoothed(k).at(-1) ?? NaN).toFixed(4)}</td><td>${r.medianMsPerStep.toFixed(2)}</td></tr>`,
            )
            .join('');
    } catch (e) {
      statusEl.dataset.state = 'error';
      statusEl.textContent = e instanceof Error ? e.message : String(e);
      reportError(e);
    } finally {
      for (const b of buttons) b.disabled = false;
      stop.disabled = true;
    }
  }

  $('train-start').addEventListener('click', () => void go([choice()], 'train'));
  $('compare-start').addEventListener('click', () => {
    try {
      void go(compareRuns(), 'compare');
    } catch (e) {
      reportError(e);
    }
  });
}
