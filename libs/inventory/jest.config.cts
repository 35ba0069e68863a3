module.exports = {
  displayName: 'inventory',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/inventory',
};
