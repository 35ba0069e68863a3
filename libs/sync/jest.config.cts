module.exports = {
  displayName: 'sync',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/sync',
};
