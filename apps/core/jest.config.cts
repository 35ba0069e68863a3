module.exports = {
  displayName: 'core',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/core',
  // The integration suites start the real service against PostgreSQL, SQLite and Redis; under a
  // full parallel `npm test` on a small machine that takes longer than jest's 5 s default.
  testTimeout: 60_000,
};
