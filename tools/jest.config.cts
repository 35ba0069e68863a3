module.exports = {
  displayName: 'tools',
  preset: '../jest.preset.js',
  coverageDirectory: '../coverage/tools',
  // Templates under files/ are code for other projects, tested by running the generator.
  testPathIgnorePatterns: ['/node_modules/', '/files/'],
};
