module.exports = {
  displayName: 'sync',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/sync',
  // Every suite drives real PostgreSQL and SQLite and channel sandboxes over HTTP; under a full
  // parallel `npm test` on a small machine that takes longer than jest's 5 s default.
  testTimeout: 30_000,
};
