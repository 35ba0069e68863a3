module.exports = {
  displayName: 'amazon',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/amazon',
};
