/**
 * A small SVG line chart: several series, linear or log-10 y axis, a
 * legend. Every text is XML-escaped, since series names come from source files.
 */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly logY?: boolean;
}

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten. */
function ticks(low: number, high: number, count = 6): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function formatTick(v: number, log: boolean): string {
  if (log) return `1e${v}`;
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(v);
}

export function lineChart(options: ChartOptions): string {
  const [width, height] = [760, 440];
  const margin = { left: 80, right: 190, top: 46, bottom: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const log = options.logY ?? false;
  const ys = (y: number) => (log ? Math.log10(Math.max(y, 1e-300)) : y);
  const all = options.series.flatMap((s) => s.points.filter(([, y]) => Number.isFinite(ys(y)) && (!log || y > 0)));
  const xMin = Math.min(...all.map(([x]) => x));
  const xMax = Math.max(...all.map(([x]) => x));
  let yMin = Math.min(...all.map(([, y]) => ys(y)));
  let yMax = Math.max(...all.map(([, y]) => ys(y)));
  if (log) [yMin, yMax] = [Math.floor(yMin), Math.ceil(yMax)];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const px = (x: number) => margin.left + ((x - xMin) / (xMax - xMin || 1)) * plotW;
  const py = (y: number) => margin.top + plotH - ((ys(y) - yMin) / (yMax - yMin)) * plotH;
  const pyRaw = (v: number) => margin.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left + plotW / 2}" y="24" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`,
  ];
  const yTicks = log ? Array.from({ length: yMax - yMin + 1 }, (_, k) => yMin + k) : ticks(yMin, yMax);
  for (const v of yTicks) {
    const y = pyRaw(v);
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#e6e6e6"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(formatTick(v, log))}</text>`);
  }
  for (const v of ticks(xMin, xMax)) {
    const x = px(v);
    parts.push(`<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f0f0f0"/>`);
    parts.push(
      `<text x="${x}" y="${margin.top + plotH + 18}" text-anchor="middle">${escapeXml(formatTick(v, false))}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`,
  );
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}${log ? ' (log scale)' : ''}</text>`,
  );
  options.series.forEach((s, k) => {
    const color = palette[k % palette.length];
    const points = s.points.filter(([, y]) => Number.isFinite(ys(y)) && (!log || y > 0));
    const path = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    // Sparse series (a held-out loss once an epoch) get a dot per point, so one point still shows.
    if (points.length <= 40)
      for (const [x, y] of points)
        parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${color}"/>`);
    const ly = margin.top + 10 + k * 20;
    parts.push(
      `<line x1="${width - margin.right + 16}" x2="${width - margin.right + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${width - margin.right + 46}" y="${ly + 4}">${escapeXml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
