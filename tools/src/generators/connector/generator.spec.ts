import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { loadConnectorRegistry } from '@urikiri/connector-sdk';
import type { ChannelSandbox } from '@urikiri/connector-sdk/testing';
import { transpileModule, ModuleKind, ScriptTarget } from 'typescript';
import { CONNECTOR_LIST, connectorGenerator } from './generator';

const workspaceRoot = resolve(__dirname, '../../../..');
const tsc = join(workspaceRoot, 'node_modules/typescript/bin/tsc');
const jestBin = join(workspaceRoot, 'node_modules/jest/bin/jest.js');

/** Writes every file the generator created or changed in the tree to `root`, as `nx g` would. */
function writeTree(tree: Tree, root: string): void {
  for (const change of tree.listChanges()) {
    if (change.type !== 'DELETE' && change.content) {
      mkdirSync(dirname(join(root, change.path)), { recursive: true });
      writeFileSync(join(root, change.path), change.content);
    }
  }
}

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  // Nx forces colours for its children; the assertions read plain text.
  const env = { ...process.env, NX_DAEMON: 'false', FORCE_COLOR: '0' };
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('connector generator', () => {
  let tree: Tree;

  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace();
    await connectorGenerator(tree, { name: 'acme-mall', displayName: 'ACME モール', skipFormat: true });
  });

  it('writes the project through the Tree: files, tags, tsconfig paths and the connector list', () => {
    const root = 'libs/connectors/acme-mall';
    for (const file of [
      'README.md',
      'package.json',
      'jest.config.cts',
      'tsconfig.lib.json',
      'src/index.ts',
      'src/sandbox.ts',
      'src/acme-mall.manifest.ts',
      'src/acme-mall.credentials.ts',
      'src/acme-mall.connector.ts',
      'src/acme-mall-wire.types.ts',
      'src/sandbox/acme-mall.sandbox.ts',
      'src/sandbox/acme-mall-sandbox.errors.ts',
      'src/acme-mall.conformance.spec.ts',
    ]) {
      expect(tree.exists(`${root}/${file}`)).toBe(true);
    }
    expect(readProjectConfiguration(tree, 'acme-mall')).toMatchObject({ root, tags: ['scope:channels', 'type:connector'] });
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toMatchObject({
      '@urikiri/connector-acme-mall': [`./${root}/src/index.ts`],
      '@urikiri/connector-acme-mall/sandbox': [`./${root}/src/sandbox.ts`],
    });
    expect(readJson(tree, CONNECTOR_LIST)).toEqual({ packages: ['@urikiri/connector-acme-mall'] });
    const connector = tree.read(`${root}/src/acme-mall.connector.ts`, 'utf-8');
    expect(connector).toContain('export class AcmeMallConnector extends BaseConnector<AcmeMallCredentials>');
    expect(tree.read(`${root}/src/acme-mall.manifest.ts`, 'utf-8')).toContain(`displayName: 'ACME モール'`);
    expect(tree.read(`${root}/README.md`, 'utf-8')).toContain('## Steps left');
    expect(tree.read(`${root}/src/sandbox/acme-mall.sandbox.ts`, 'utf-8')).toContain('errorResponses: acmeMallErrorResponses');
  });

  it('refuses a bad name, a taken name and an unsafe display name, saying what is accepted', async () => {
    await expect(connectorGenerator(tree, { name: 'Acme_Mall', skipFormat: true })).rejects.toThrow(
      'use 2-40 lowercase letters, digits or dashes',
    );
    await expect(connectorGenerator(tree, { name: 'acme-mall', skipFormat: true })).rejects.toThrow('already exists');
    await expect(connectorGenerator(tree, { name: 'other', displayName: "O'Reilly", skipFormat: true })).rejects.toThrow(
      'may not contain quotes',
    );
    await connectorGenerator(tree, { name: 'qoo10', skipFormat: true });
    expect(readJson(tree, CONNECTOR_LIST).packages).toEqual(['@urikiri/connector-acme-mall', '@urikiri/connector-qoo10']);
  });

  it('adds its two tsconfig paths as lines of their own and leaves every other entry as it was written', async () => {
    const workspace = createTreeWithEmptyWorkspace();
    const before = [
      '{',
      '  "compilerOptions": {',
      '    "strict": true,',
      '    "paths": {',
      '      "@urikiri/connector-some-channel-with-a-long-name/sandbox": ["./libs/connectors/some-channel-with-a-long-name/src/sandbox.ts"],',
      '      "@urikiri/inventory": [',
      '        "./libs/inventory/src/index.ts"',
      '      ]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    workspace.write('tsconfig.base.json', before);
    await connectorGenerator(workspace, { name: 'qoo10', skipFormat: true });

    const after = workspace.read('tsconfig.base.json', 'utf-8') ?? '';
    const added = [
      '      "@urikiri/connector-qoo10": ["./libs/connectors/qoo10/src/index.ts"],',
      '      "@urikiri/connector-qoo10/sandbox": ["./libs/connectors/qoo10/src/sandbox.ts"]',
    ];
    expect(after).toBe(before.replace('      ]\n    }', `      ],\n${added.join('\n')}\n    }`));
    expect(JSON.parse(after).compilerOptions.paths['@urikiri/connector-qoo10']).toEqual(['./libs/connectors/qoo10/src/index.ts']);
    await expect(connectorGenerator(workspace, { name: 'qoo10-x', skipFormat: true })).resolves.toBeDefined();
    workspace.write('tsconfig.base.json', before.replace('some-channel-with-a-long-name/sandbox', 'acme/sandbox'));
    await expect(connectorGenerator(workspace, { name: 'acme', skipFormat: true })).rejects.toThrow('already maps "@urikiri/connector-acme/sandbox"');
  });

  it('writes a paths block when the workspace has none yet', async () => {
    const workspace = createTreeWithEmptyWorkspace();
    workspace.write('tsconfig.base.json', '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n');
    await connectorGenerator(workspace, { name: 'qoo10', skipFormat: true });
    expect(JSON.parse(workspace.read('tsconfig.base.json', 'utf-8') ?? '').compilerOptions).toEqual({
      paths: {
        '@urikiri/connector-qoo10': ['./libs/connectors/qoo10/src/index.ts'],
        '@urikiri/connector-qoo10/sandbox': ['./libs/connectors/qoo10/src/sandbox.ts'],
      },
      strict: true,
    });
  });

  it('writes the relative variant: changes instead of compare-and-set, and a journal of unanswered writes', async () => {
    const relative = createTreeWithEmptyWorkspace();
    await connectorGenerator(relative, { name: 'acme-mall', pushSemantics: 'relative', skipFormat: true });
    const root = 'libs/connectors/acme-mall/src';
    expect(relative.read(`${root}/acme-mall.connector.ts`, 'utf-8')).toContain('new UncertainWriteJournal()');
    expect(tree.read(`${root}/acme-mall.connector.ts`, 'utf-8')).not.toContain('UncertainWriteJournal');
    expect(relative.read(`${root}/acme-mall.manifest.ts`, 'utf-8')).toContain(`pushSemantics: ['relative']`);
    expect(relative.read(`${root}/acme-mall.connector.ts`, 'utf-8')).not.toContain('compare_quantity');
    await expect(
      connectorGenerator(createTreeWithEmptyWorkspace(), { name: 'other', pushSemantics: 'absolute' as 'relative', skipFormat: true }),
    ).rejects.toThrow('use compare-and-set or relative');
  });

  describe.each(['compare-and-set', 'relative'] as const)('the generated project with %s pushes, written to disk', (pushSemantics) => {
    let root: string;
    let generated: Tree;
    const project = 'libs/connectors/acme-mall';

    beforeAll(async () => {
      generated = createTreeWithEmptyWorkspace();
      await connectorGenerator(generated, { name: 'acme-mall', displayName: 'ACME モール', pushSemantics, skipFormat: true });
      mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
      root = mkdtempSync(join(workspaceRoot, 'tmp', 'connector-generator-'));
      writeTree(generated, root);
      // The empty workspace has no SDK: point the SDK paths at this repository's, keep the compiler
      // settings of this repository, and reuse its Jest preset.
      const paths = {
        ...readJson(generated, 'tsconfig.base.json').compilerOptions.paths,
        '@urikiri/connector-sdk': [join(workspaceRoot, 'libs/connector-sdk/src/index.ts')],
        '@urikiri/connector-sdk/testing': [join(workspaceRoot, 'libs/connector-sdk/src/testing.ts')],
      };
      writeFileSync(
        join(root, 'tsconfig.base.json'),
        JSON.stringify({ extends: join(workspaceRoot, 'tsconfig.base.json'), compilerOptions: { paths } }),
      );
      writeFileSync(join(root, 'jest.preset.js'), `module.exports = require(${JSON.stringify(join(workspaceRoot, 'jest.preset.js'))});`);
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('type-checks in strict mode', () => {
      for (const config of ['tsconfig.lib.json', 'tsconfig.spec.json']) {
        const result = run(tsc, ['--noEmit', '-p', join(root, project, config)], root);
        expect(result.output.trim()).toBe('');
        expect(result.status).toBe(0);
      }
    }, 60_000);

    it('passes its conformance suite against its sandbox out of the box', () => {
      const result = run(jestBin, ['--config', join(root, project, 'jest.config.cts'), '--ci'], root);
      expect(result.output).toMatch(/Tests:\s+15 passed, 15 total/);
      expect(result.status).toBe(0);
    }, 60_000);

    it('is loaded, once built and installed outside libs/, through configuration alone', async () => {
      // Build the package as a publisher would (TypeScript to CommonJS next to its package.json) and
      // install it by linking it into a node_modules the registry resolves from.
      const published = join(root, 'published', 'connector-acme-mall');
      for (const change of [...generated.listChanges()].filter((c) => c.path.startsWith(`${project}/`))) {
        const relative = change.path.slice(project.length + 1);
        const target = join(published, relative.replace(/\.ts$/, '.js'));
        mkdirSync(dirname(target), { recursive: true });
        const text = change.content?.toString('utf8') ?? '';
        const js = relative.endsWith('.ts')
          ? transpileModule(text, { compilerOptions: { module: ModuleKind.CommonJS, target: ScriptTarget.ES2022, esModuleInterop: true } }).outputText
          : text;
        writeFileSync(target, js);
      }
      const installDir = join(root, 'service');
      mkdirSync(join(installDir, 'node_modules', '@urikiri'), { recursive: true });
      symlinkSync(published, join(installDir, 'node_modules', '@urikiri', 'connector-acme-mall'), 'dir');

      const registry = loadConnectorRegistry({
        packages: ['@urikiri/connector-acme-mall'],
        channels: [{ id: 'acme-main-shop', connector: 'acme-mall' }],
        resolveFrom: installDir,
      });
      expect(registry.ids()).toEqual(['acme-mall']);

      const sandboxModule = registry.packageOf('acme-mall') + '/sandbox';
      const { createAcmeMallSandbox } = (await import(require.resolve(sandboxModule, { paths: [installDir] }))) as {
        createAcmeMallSandbox: () => Promise<ChannelSandbox>;
      };
      const sandbox = await createAcmeMallSandbox();
      try {
        sandbox.stock.upsertListing({ listingId: 'A-1', quantity: 2 });
        const connector = registry.create('acme-main-shop', { credentials: sandbox.credentials(), baseUrl: sandbox.url });
        const [result] = await connector.push([{ listingId: 'A-1', target: 5, lastPublished: 2, version: 1 }]);
        expect(result.status).toBe('ok');
        expect(sandbox.stock.quantity('A-1')).toBe(5);
      } finally {
        await sandbox.close();
      }
    });
  });
});
