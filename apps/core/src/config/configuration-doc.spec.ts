import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from './config-variables';
import { renderConfigurationTable, TABLE_END, TABLE_START } from './configuration-table';

const DOC = join(__dirname, '../../../../docs/configuration.md');

describe('docs/configuration.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('holds the table generated from the configuration schema', () => {
    const current = doc.slice(doc.indexOf(TABLE_START), doc.indexOf(TABLE_END) + TABLE_END.length);
    // On failure, paste the expected table (below) into the doc between the two markers.
    expect(current).toBe(renderConfigurationTable());
  });

  it('mentions every variable', () => {
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(doc).toContain(`\`${name}\``);
  });
});
