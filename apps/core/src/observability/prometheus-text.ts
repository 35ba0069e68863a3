/**
 * The Prometheus text exposition format, version 0.0.4: the few rules for writing it correctly.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'histogram';

/** Label names and their values, in the order they are written. */
export type LabelPairs = readonly (readonly [name: string, value: string])[];

/** In a label value, backslash, double quote and line feed are escaped. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** In HELP text, backslash and line feed are escaped (a double quote is not). */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value as a Go float: the infinities and NaN have names of their own. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** The HELP and TYPE lines that open a metric family. */
export function familyHeader(name: string, type: MetricType, help: string): string[] {
  return [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`];
}

export function sampleLine(name: string, labels: LabelPairs, value: number): string {
  const rendered = labels.map(([label, labelValue]) => `${label}="${escapeLabelValue(labelValue)}"`).join(',');
  return `${name}${rendered ? `{${rendered}}` : ''} ${formatValue(value)}`;
}
