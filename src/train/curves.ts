/** The loss curves of a run, as a CSV table and an SVG chart. */
import { lineChart } from '../cli/chart.js';
import type { Metric } from '../data/dataset.js';

export interface HistoryPoint {
  /** Training steps taken when it was measured. */
  readonly step: number;
  readonly epoch: number;
  readonly seconds: number;
  readonly split: 'train' | 'held-out';
  /** The loss as the model computes it, and as reported (bits/char for text). */
  readonly loss: number;
  readonly reported: Metric;
  readonly metrics: readonly Metric[];
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One row per measurement: step, epoch, seconds, split, loss, the reported loss and every metric. */
export function historyCsv(history: readonly HistoryPoint[]): string {
  const metricNames = [...new Set(history.flatMap((p) => p.metrics.map((m) => m.name)))];
  const reportedName = history[0]?.reported.name ?? 'loss';
  const header = [
    'step',
    'epoch',
    'seconds',
    'split',
    'loss',
    ...(reportedName === 'loss' ? [] : [reportedName]),
    ...metricNames,
  ];
  const rows = history.map((p) => [
    String(p.step),
    String(p.epoch),
    p.seconds.toFixed(1),
    p.split,
    String(p.loss),
    ...(reportedName === 'loss' ? [] : [String(p.reported.value)]),
    ...metricNames.map((name) => {
      const m = p.metrics.find((x) => x.name === name);
      return m ? String(m.value) : '';
    }),
  ]);
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

export function historyChart(history: readonly HistoryPoint[], title: string): string {
  const reportedName = history[0]?.reported.name ?? 'loss';
  const series = (['train', 'held-out'] as const).map((split) => ({
    name: split,
    points: history.filter((p) => p.split === split).map((p): [number, number] => [p.step, p.reported.value]),
  }));
  return lineChart({
    title,
    xLabel: 'training step',
    yLabel: reportedName,
    series: series.filter((s) => s.points.length > 0),
  });
}
