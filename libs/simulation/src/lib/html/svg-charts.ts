/**
 * Small inline SVG charts for the HTML report: no scripts, no fonts, no external assets, so the file
 * opens anywhere, offline, and can be mailed as is.
 */
export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
  /** Shaded band around the line, aligned with `values`; null where there is none. */
  readonly band?: { readonly low: readonly (number | null)[]; readonly high: readonly (number | null)[] };
  readonly dashed?: boolean;
}

export interface LineChartOptions {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly series: readonly LineSeries[];
  /** Indexes where a vertical marker is drawn (e.g. where the forecast starts). */
  readonly markers?: readonly number[];
  /** Indexes shaded as promotional periods. */
  readonly shaded?: readonly boolean[];
  readonly width?: number;
  readonly height?: number;
}

export const PALETTE = ['#bf0000', '#ff9900', '#7b0099', '#008060', '#1f5fbf', '#666666'];

const MARGIN = { left: 48, right: 12, top: 26, bottom: 34 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function lineChart(options: LineChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const n = options.xLabels.length;
  const all = options.series.flatMap((s) => [
    ...s.values.filter((v): v is number => v !== null),
    ...(s.band?.high ?? []).filter((v): v is number => v !== null),
  ]);
  const top = niceMax(Math.max(1, ...all));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => MARGIN.left + (n <= 1 ? 0 : (i / (n - 1)) * plotW);
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="16" class="t">${escapeHtml(options.title)}</text>`);
  options.shaded?.forEach((on, i) => {
    if (!on) return;
    const w = n <= 1 ? plotW : plotW / (n - 1);
    parts.push(`<rect x="${(x(i) - w / 2).toFixed(1)}" y="${MARGIN.top}" width="${w.toFixed(1)}" height="${plotH}" fill="#ffe9b3"/>`);
  });
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(`<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e4e4e4"/>`);
    parts.push(`<text x="${MARGIN.left - 4}" y="${(y(v) + 4).toFixed(1)}" class="a" text-anchor="end">${formatTick(v)}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 8));
  options.xLabels.forEach((label, i) => {
    if (i % every !== 0) return;
    parts.push(`<text x="${x(i).toFixed(1)}" y="${height - 10}" class="a" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  for (const marker of options.markers ?? []) {
    parts.push(`<line x1="${x(marker).toFixed(1)}" x2="${x(marker).toFixed(1)}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#999" stroke-dasharray="3 3"/>`);
  }
  for (const s of options.series) {
    if (s.band !== undefined) {
      const { low, high } = s.band;
      const indexes = high.flatMap((v, i) => (v !== null && low[i] !== null ? [i] : []));
      const upper = indexes.map((i) => `${x(i).toFixed(1)},${y(high[i] as number).toFixed(1)}`);
      const lower = indexes.map((i) => `${x(i).toFixed(1)},${y(low[i] as number).toFixed(1)}`).reverse();
      if (indexes.length > 0) {
        parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color}" fill-opacity="0.15" stroke="none"/>`);
      }
    }
    const segments: string[] = [];
    let current: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) {
        if (current.length > 0) segments.push(current.join(' '));
        current = [];
      } else current.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    if (current.length > 0) segments.push(current.join(' '));
    for (const points of segments) {
      parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    }
  }
  const legend = options.series
    .map((s, i) => `<tspan fill="${s.color}" dx="${i === 0 ? 0 : 12}">■ ${escapeHtml(s.label)}</tspan>`)
    .join('');
  parts.push(`<text x="${width - MARGIN.right}" y="16" class="a" text-anchor="end">${legend}</text>`);
  return svg(width, height, parts);
}

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** Horizontal bars, value 0..max; used for stock-out probabilities. */
export function barChart(title: string, bars: readonly Bar[], max: number, format: (v: number) => string): string {
  const width = 640;
  const rowH = 18;
  const height = 30 + bars.length * rowH + 6;
  const labelW = 110;
  const plotW = width - labelW - 60;
  const parts = [`<text x="0" y="16" class="t">${escapeHtml(title)}</text>`];
  bars.forEach((bar, i) => {
    const yPos = 28 + i * rowH;
    const w = max > 0 ? (Math.min(bar.value, max) / max) * plotW : 0;
    parts.push(`<text x="${labelW - 6}" y="${yPos + 12}" class="a" text-anchor="end">${escapeHtml(bar.label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${yPos + 2}" width="${w.toFixed(1)}" height="${rowH - 5}" fill="${bar.value >= 0.5 * max ? '#bf0000' : '#1f5fbf'}"/>`);
    parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${yPos + 12}" class="a">${escapeHtml(format(bar.value))}</text>`);
  });
  return svg(width, height, parts);
}

function svg(width: number, height: number, parts: readonly string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${parts.join('')}</svg>`;
}

function niceMax(value: number): number {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function formatTick(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(value % 1000 === 0 ? 0 : 1)}k` : String(Math.round(value * 10) / 10);
}
