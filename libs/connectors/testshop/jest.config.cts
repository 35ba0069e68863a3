module.exports = {
  displayName: 'testshop',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/testshop',
};
