// `npm run fuzz [-- --runs 1000 --seed 42 --dialect postgresql]`: the fuzz suite of the core service at
// full size: malformed requests to every route of its OpenAPI document and to the channel webhook,
// against the real service on PostgreSQL and SQLite with Redis. `npm test` runs the same suite small.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { parseArgs } = require('node:util');
const { readFileSync, existsSync, rmSync } = require('node:fs');

const root = path.resolve(__dirname, '../..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string' }, dialect: { type: 'string' } },
});
if (!/^\d+$/.test(values.runs) || Number(values.runs) < 1) {
  process.stderr.write('--runs must be a whole number of requests per route, at least 1\n');
  process.exit(2);
}
const reportDir = path.join(root, 'tmp', 'fuzz');
rmSync(reportDir, { recursive: true, force: true });
const env = {
  ...process.env,
  FUZZ_RUNS: values.runs,
  FUZZ_REPORT_DIR: reportDir,
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
};
const args = [require.resolve('jest/bin/jest', { paths: [root] }), '-c', 'apps/core/jest.config.cts', '--runTestsByPath', 'apps/core/test/fuzz/api-fuzz.integration-spec.ts'];
if (values.dialect) args.push('-t', values.dialect);
const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });

// The last lines: one JSON summary per database, the numbers of the run (also in tmp/fuzz/).
for (const dialect of ['postgresql', 'sqlite']) {
  const file = path.join(reportDir, `fuzz-${dialect}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const { failures, ...numbers } = report;
  process.stdout.write(`${JSON.stringify({ ...numbers, failureGroups: failures.length })}\n`);
}
process.exit(result.status ?? 1);
