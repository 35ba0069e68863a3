module.exports = {
  displayName: 'zoned-time',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/zoned-time',
};
