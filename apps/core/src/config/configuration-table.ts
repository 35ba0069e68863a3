import { CONFIG_VARIABLES, type ConfigVariableName } from './config-variables';

export const TABLE_START = '<!-- configuration-table:start -->';
export const TABLE_END = '<!-- configuration-table:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The table of docs/configuration.md, from the schema itself (a test keeps the doc in step). */
export function renderConfigurationTable(): string {
  const rows = (Object.keys(CONFIG_VARIABLES) as ConfigVariableName[]).map((name) => {
    const variable = CONFIG_VARIABLES[name];
    const fallback = 'defaultText' in variable ? `\`${variable.defaultText}\`` : '—';
    return `| \`${name}\` | ${cell(variable.description)} | ${cell(variable.accepted)} | ${fallback} | ${variable.sensitive ? 'yes' : 'no'} |`;
  });
  return [
    TABLE_START,
    '| Variable | What it does | Accepted | Default | Secret |',
    '|---|---|---|---|---|',
    ...rows,
    TABLE_END,
  ].join('\n');
}
