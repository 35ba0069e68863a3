module.exports = {
  displayName: 'yahoo',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/yahoo',
};
