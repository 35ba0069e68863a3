const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/core'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The simulation runs on a worker thread, which loads its own file: built beside main.js under
      // the name apps/core/src/simulation/simulation-thread.entry.ts looks for.
      additionalEntryPoints: [{ entryName: 'simulation-thread', entryPath: './src/simulation/simulation.thread.ts' }],
      tsConfig: './tsconfig.app.json',
      // The dashboard's static files (apps/dashboard/src), served at /dashboard from dist/apps/core/dashboard.
      assets: ['./src/assets', { input: '../dashboard/src', glob: '**/*.{html,js,css,svg}', output: 'dashboard' }],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
