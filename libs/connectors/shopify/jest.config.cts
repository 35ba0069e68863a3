module.exports = {
  displayName: 'shopify',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/connectors/shopify',
};
