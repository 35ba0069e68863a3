import nx from '@nx/eslint-plugin';

// Frameworks and I/O that the plain-TypeScript cores must never import: the simulator runs the
// same rule engine as the service, so the engine cannot depend on Nest, the ORM or the network.
const frameworkAndIo = [
  '@nestjs/*',
  '@mikro-orm/*',
  'bullmq',
  'ioredis',
  'axios',
  'pg',
  'better-sqlite3',
  'fs',
  'node:fs',
  'http',
  'node:http',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'data/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Kind of project: who may lean on whom.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:sdk', 'type:connector', 'type:util'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:sdk', 'type:connector', 'type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'], bannedExternalImports: frameworkAndIo },
            { sourceTag: 'type:connector', onlyDependOnLibsWithTags: ['type:sdk', 'type:util'], bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', 'bullmq'] },
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', 'bullmq'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:data', 'type:domain', 'type:sdk', 'type:connector', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            // The dashboard's modules are served to the browser as they are: no library, no package can come along.
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: [], bannedExternalImports: ['*'] },
            // Business area: channels never reach into the ledger or the engine, and so on.
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:ledger', 'scope:shared'] },
            // Sync joins the ledger, the rule engine and the channels: the one room that sees all three.
            { sourceTag: 'scope:sync', onlyDependOnLibsWithTags: ['scope:sync', 'scope:ledger', 'scope:allocation', 'scope:channels', 'scope:shared'] },
            { sourceTag: 'scope:allocation', onlyDependOnLibsWithTags: ['scope:allocation', 'scope:shared'] },
            { sourceTag: 'scope:simulation', onlyDependOnLibsWithTags: ['scope:simulation', 'scope:allocation', 'scope:shared'] },
            { sourceTag: 'scope:channels', onlyDependOnLibsWithTags: ['scope:channels', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
