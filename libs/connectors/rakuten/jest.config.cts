module.exports = {
  displayName: 'rakuten',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/rakuten',
  // RMS allows one write per second and the tests keep to its limits: some take several seconds.
  testTimeout: 60_000,
};
