module.exports = {
  displayName: 'rakuten',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/rakuten',
};
