module.exports = {
  displayName: 'yahoo',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/yahoo',
  // Yahoo! allows about one call per second per URL and the connector keeps to it, so a test that
  // sends three bulk calls spends seconds waiting by design.
  testTimeout: 30_000,
};
