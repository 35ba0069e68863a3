module.exports = {
  displayName: 'connector-testshop',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/testshop',
};
