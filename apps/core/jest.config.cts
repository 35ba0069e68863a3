module.exports = {
  displayName: 'core',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/core',
};
