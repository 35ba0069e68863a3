// @ts-check
import { formatNumber } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 120, bottom: 28, left: 48 };
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777'];

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 */
function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * A line per series over the hours of the window: drawn as SVG in the page (no library, nothing
 * loaded from elsewhere).
 * @param {{ title: string, xLabel: string, series: Array<{ name: string, values: readonly number[] }> }} chart
 * @returns {SVGSVGElement}
 */
export function lineChart({ title, xLabel, series }) {
  const root = /** @type {SVGSVGElement} */ (svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart', 'aria-label': title }));
  root.append(svg('title', {}, title));
  const points = Math.max(1, ...series.map((s) => s.values.length));
  const top = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (/** @type {number} */ i) => MARGIN.left + (points === 1 ? 0 : (i / (points - 1)) * plotW);
  const y = (/** @type {number} */ v) => MARGIN.top + plotH - (v / top) * plotH;
  for (const tick of [0, 0.5, 1]) {
    root.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(top * tick), y2: y(top * tick), class: 'grid' }));
    root.append(svg('text', { x: MARGIN.left - 6, y: y(top * tick) + 4, 'text-anchor': 'end', class: 'axis' }, formatNumber(Math.round(top * tick))));
  }
  root.append(svg('text', { x: MARGIN.left + plotW / 2, y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis' }, xLabel));
  series.forEach((s, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const path = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    root.append(svg('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2, 'data-series': s.name }));
    root.append(svg('text', { x: MARGIN.left + plotW + 8, y: MARGIN.top + 14 + index * 16, fill: colour, class: 'legend' }, s.name));
  });
  return root;
}
