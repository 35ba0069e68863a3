// The lines `npm start` prints once everything it started is ready.

function serviceLines(listening, adminKey) {
  const lines = [
    `  API        ${listening.api}`,
    `  API docs   ${listening.docs}`,
    `  Dashboard  ${listening.url}/dashboard   (sign in with an API key)`,
    `  Health     ${listening.url}/health`,
  ];
  if (adminKey) {
    lines.push(`  Admin key  ${adminKey.apiKey}   (shown only this once: keep it safe)`);
    lines.push(`  Another    ${adminKey.createAnother}`);
  } else {
    lines.push('  API keys   node tools/scripts/key.js create --scopes read,write');
  }
  return lines;
}

function demoLines(demo) {
  const lines = [];
  demo.channels.forEach((c, i) => lines.push(`  ${i === 0 ? 'Channels' : ''.padEnd(8)}   ${c.channel.padEnd(8)} ${c.url}   (account ${c.account})`));
  if (demo.failure) {
    lines.push(`  Demo       not ready: ${demo.failure}`);
    return lines;
  }
  const r = demo.report;
  const what = r.accounts.created.length > 0 ? 'seeded' : `sandboxes restarted, ${r.reconciled.length} accounts reconciled`;
  lines.push(`  Demo       ${what}: ${r.listingsInLine} listings show what the rules say (${(r.tookMs / 1000).toFixed(1)} s)`);
  lines.push('  Try        npm run demo -- sell rakuten TEA-SENCHA-100 2     (then: npm run demo -- status)');
  return lines;
}

function channelsFileLine(channelsFile) {
  const outcome = channelsFile.exitCode === 0 ? 'applied' : 'NOT fully applied: see the lines above';
  return `  Channels   ${channelsFile.file} ${outcome}   (npm run channels -- apply)`;
}

function banner({ listening, adminKey, demo, channelsFile }) {
  const lines = ['', `  urikiri core is running${demo ? ' with the demo channels' : ''}`, ...serviceLines(listening, adminKey)];
  if (demo) lines.push(...demoLines(demo));
  if (channelsFile) lines.push(channelsFileLine(channelsFile));
  lines.push('  Stop       Ctrl-C', '');
  return lines.join('\n') + '\n';
}

module.exports = { banner };
