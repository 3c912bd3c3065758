/** Line charts (uPlot): losses as training goes, and the gradient at each input step. */
import uPlot from 'uplot';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'];

export interface LineChart {
  /** Replaces the data: x values, then one array of y values per series. */
  set(x: readonly number[], ys: readonly (readonly number[])[]): void;
}

export function lineChart(
  parent: HTMLElement,
  options: { title: string; xLabel: string; yLabel: string; series: readonly string[]; logY?: boolean },
): LineChart {
  parent.innerHTML = '';
  const width = Math.max(parent.clientWidth, 320);
  const plot = new uPlot(
    {
      title: options.title,
      width,
      height: 220,
      scales: { x: { time: false }, y: options.logY ? { distr: 3 } : {} },
      axes: [{ label: options.xLabel }, { label: options.yLabel }],
      series: [
        { label: options.xLabel },
        ...options.series.map((label, k) => ({ label, stroke: palette[k % palette.length], width: 1.5 })),
      ],
    },
    [[], ...options.series.map(() => [])],
    parent,
  );
  return {
    set(x, ys) {
      plot.setData([x as number[], ...ys.map((y) => y.map((v) => (options.logY && v <= 0 ? null : v)) as number[])]);
    },
  };
}
