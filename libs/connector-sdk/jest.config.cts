module.exports = {
  displayName: 'connector-sdk',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/connector-sdk',
};
