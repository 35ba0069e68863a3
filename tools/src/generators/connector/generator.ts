import {
  addProjectConfiguration,
  formatFiles,
  generateFiles,
  getProjects,
  joinPathFragments,
  names,
  offsetFromRoot,
  type Tree,
} from '@nx/devkit';
import { SDK_VERSION } from '@urikiri/connector-sdk';
import type { ConnectorGeneratorSchema } from './schema';
import { addTsconfigPaths } from './tsconfig-paths.editor';

const NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
const UNSAFE_DISPLAY = /['`\\$"<>]/;
const PUSH_SEMANTICS = ['compare-and-set', 'relative'] as const;
/** The list of in-repo connector packages; the service's default connector packages setting. */
export const CONNECTOR_LIST = 'libs/connectors/connectors.json';

interface ConnectorList {
  packages: string[];
}

function normalize(options: ConnectorGeneratorSchema) {
  if (!NAME.test(options.name)) {
    throw new Error(
      `name "${options.name}" is not accepted: use 2-40 lowercase letters, digits or dashes, starting with a letter (e.g. au-pay-market).`,
    );
  }
  const n = names(options.name);
  const displayName = options.displayName?.trim() || n.className;
  if (UNSAFE_DISPLAY.test(displayName)) {
    throw new Error(`displayName "${displayName}" is not accepted: it may not contain quotes, backslashes, $, < or >.`);
  }
  const pushSemantics = options.pushSemantics ?? 'compare-and-set';
  if (!PUSH_SEMANTICS.includes(pushSemantics)) {
    throw new Error(`pushSemantics "${pushSemantics}" is not accepted: use ${PUSH_SEMANTICS.join(' or ')}.`);
  }
  const projectRoot = `libs/connectors/${n.fileName}`;
  return {
    ...n,
    displayName,
    pushSemantics,
    relative: pushSemantics === 'relative',
    projectName: n.fileName,
    projectRoot,
    importPath: `@urikiri/connector-${n.fileName}`,
    offsetFromRoot: offsetFromRoot(projectRoot),
    sdkVersion: SDK_VERSION,
  };
}

/**
 * `nx g @urikiri/tools:connector <name>`: a working connector for an example JSON channel, its
 * sandbox and conformance spec, ready to be turned into the real channel step by step (README).
 * Every edit goes through the Tree, so `--dry-run` lists all of them.
 */
export async function connectorGenerator(tree: Tree, options: ConnectorGeneratorSchema): Promise<() => void> {
  const o = normalize(options);
  if (getProjects(tree).has(o.projectName)) {
    throw new Error(`A project named "${o.projectName}" already exists; choose another connector name.`);
  }
  if (tree.exists(o.projectRoot)) {
    throw new Error(`${o.projectRoot} already exists; choose another connector name or remove that folder.`);
  }

  addProjectConfiguration(tree, o.projectName, {
    root: o.projectRoot,
    sourceRoot: `${o.projectRoot}/src`,
    projectType: 'library',
    tags: ['scope:channels', 'type:connector'],
    targets: { typecheck: {}, test: {} },
  });
  generateFiles(tree, joinPathFragments(__dirname, 'files'), o.projectRoot, { ...o, tmpl: '' });

  const list: ConnectorList = tree.exists(CONNECTOR_LIST) ? JSON.parse(tree.read(CONNECTOR_LIST, 'utf-8') ?? '{}') : { packages: [] };
  list.packages = [...new Set([...(list.packages ?? []), o.importPath])].sort();
  tree.write(CONNECTOR_LIST, `${JSON.stringify(list, null, 2)}\n`);

  if (!options.skipFormat) {
    await formatFiles(tree);
  }
  // After formatting, so the formatter never re-wraps the entries of other projects.
  tree.write(
    'tsconfig.base.json',
    addTsconfigPaths(tree.read('tsconfig.base.json', 'utf-8') ?? '{ "compilerOptions": {} }', {
      [o.importPath]: `./${o.projectRoot}/src/index.ts`,
      [`${o.importPath}/sandbox`]: `./${o.projectRoot}/src/sandbox.ts`,
    }),
  );
  return () => {
    console.log(`\n${o.displayName} connector created in ${o.projectRoot}. Next: npx nx test ${o.projectName}, then the steps in ${o.projectRoot}/README.md.`);
  };
}

export default connectorGenerator;
