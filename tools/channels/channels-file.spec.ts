import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { amazonManifest } from '@urikiri/connector-amazon';
import { rakutenManifest } from '@urikiri/connector-rakuten';
import { shopifyManifest } from '@urikiri/connector-shopify';
import { yahooManifest } from '@urikiri/connector-yahoo';
import { ChannelsFileError, parseChannelsFile, readChannelsFile } from './channels-file';

const FILE = `
accounts:
  - id: rakuten-main
    connector: rakuten
    displayName: 楽天市場 本店
    credentials:
      serviceSecret: RAKUTEN_SERVICE_SECRET
      licenseKey: RAKUTEN_LICENSE_KEY
  - id: shopify-main
    connector: shopify
    displayName: 自社オンラインストア
    baseUrl: https://example-shop.myshopify.com
    credentials:
      accessToken: SHOPIFY_ACCESS_TOKEN
      webhookSecret: SHOPIFY_WEBHOOK_SECRET
`;

const ENV = {
  RAKUTEN_SERVICE_SECRET: 'SP385912_abc',
  RAKUTEN_LICENSE_KEY: 'SL385912_def',
  SHOPIFY_ACCESS_TOKEN: 'shpat_0123',
  SHOPIFY_WEBHOOK_SECRET: 'shpss_4567',
};

function problemsOf(text: string, env: NodeJS.ProcessEnv): string[] {
  try {
    parseChannelsFile(text, env, 'urikiri.channels.yaml');
  } catch (error) {
    if (error instanceof ChannelsFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('the channels file', () => {
  it('reads each account with its credentials taken from the environment variables it names', () => {
    const accounts = parseChannelsFile(FILE, ENV);
    expect(accounts).toEqual([
      {
        id: 'rakuten-main',
        connector: 'rakuten',
        displayName: '楽天市場 本店',
        credentials: { serviceSecret: 'SP385912_abc', licenseKey: 'SL385912_def' },
        credentialSources: { serviceSecret: 'RAKUTEN_SERVICE_SECRET', licenseKey: 'RAKUTEN_LICENSE_KEY' },
      },
      {
        id: 'shopify-main',
        connector: 'shopify',
        displayName: '自社オンラインストア',
        baseUrl: 'https://example-shop.myshopify.com',
        credentials: { accessToken: 'shpat_0123', webhookSecret: 'shpss_4567' },
        credentialSources: { accessToken: 'SHOPIFY_ACCESS_TOKEN', webhookSecret: 'SHOPIFY_WEBHOOK_SECRET' },
      },
    ]);
  });

  it('names the variable and the account of every secret missing from the environment, and no value', () => {
    const problems = problemsOf(FILE, { ...ENV, RAKUTEN_LICENSE_KEY: undefined, SHOPIFY_WEBHOOK_SECRET: '' });
    expect(problems).toEqual([
      'account "rakuten-main": credential "licenseKey" comes from the environment variable RAKUTEN_LICENSE_KEY, which is not set',
      'account "shopify-main": credential "webhookSecret" comes from the environment variable SHOPIFY_WEBHOOK_SECRET, which is not set',
    ]);
    expect(problems.join('\n')).not.toContain('SP385912_abc');
  });

  it('refuses a credential written into the file instead of an environment variable name', () => {
    const problems = problemsOf(FILE.replace('accessToken: SHOPIFY_ACCESS_TOKEN', 'accessToken: shpat_0123'), ENV);
    expect(problems).toEqual([
      'accounts[1].credentials.accessToken: must name an environment variable (capital letters, digits and _), never hold the credential itself',
    ]);
  });

  it('names the path and what is accepted for a wrong field, an unknown one and an account given twice', () => {
    const text = `
accounts:
  - id: Rakuten Main
    connector: rakuten
    displayname: typo
    credentials: {}
  - id: yahoo-main
    connector: yahoo
    displayName: Yahoo!
    baseUrl: ftp://example.com
    credentials: { sellerId: YAHOO_SELLER_ID }
  - id: yahoo-main
    connector: yahoo
    displayName: Yahoo! again
    credentials: { sellerId: YAHOO_SELLER_ID }
`;
    const shape = problemsOf(text, { YAHOO_SELLER_ID: 'store' });
    expect(shape).toEqual(
      expect.arrayContaining([
        'accounts[0].id: must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit',
        'accounts[0].displayName: is required: the name operators see, e.g. 楽天市場 本店',
        'accounts[0]: unknown field "displayname"; accepted: an account: id, connector, displayName, credentials and optionally baseUrl',
        'accounts[1].baseUrl: must be an http:// or https:// URL',
      ]),
    );
    const fixed = text.replace('Rakuten Main', 'rakuten-main').replace('displayname', 'displayName').replace('ftp://', 'https://');
    expect(problemsOf(fixed, { YAHOO_SELLER_ID: 'store' })).toEqual(['account "yahoo-main" is listed twice; each account once']);
  });

  it('reports a file that is not YAML, or has no accounts', () => {
    expect(problemsOf('accounts: [', {})[0]).toMatch(/flow sequence|Unexpected|end of/i);
    expect(problemsOf('accounts: []', {})).toEqual(['accounts: must list at least one account']);
    expect(problemsOf('', {})).toEqual(['(the file): must be a mapping with the key accounts: a list of channel accounts']);
  });

  it('says which file cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'channels-file-'));
    try {
      expect(() => readChannelsFile(join(dir, 'missing.yaml'), {})).toThrow(/missing\.yaml cannot be used:\n {2}- cannot be read: ENOENT/);
      writeFileSync(join(dir, 'urikiri.channels.yaml'), FILE);
      expect(readChannelsFile(join(dir, 'urikiri.channels.yaml'), ENV)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the example channels file in docs', () => {
  it('parses, and gives each account exactly the credentials its connector takes', () => {
    const everyVariableSet = new Proxy({}, { get: () => 'set' }) as NodeJS.ProcessEnv;
    const accounts = readChannelsFile(resolve(__dirname, '../../docs/urikiri.channels.example.yaml'), everyVariableSet);
    const manifests = [amazonManifest, rakutenManifest, shopifyManifest, yahooManifest];
    expect(accounts.map((a) => a.connector).sort()).toEqual(manifests.map((m) => m.id).sort());
    for (const account of accounts) {
      const fields = (manifests.find((m) => m.id === account.connector)?.credentials ?? []) as ReadonlyArray<{ name: string; required?: boolean }>;
      const given = Object.keys(account.credentialSources).sort();
      expect({ account: account.id, given: given.filter((g) => !fields.some((f) => f.name === g)) }).toEqual({ account: account.id, given: [] });
      expect({ account: account.id, missing: fields.filter((f) => f.required !== false && !given.includes(f.name)).map((f) => f.name) }).toEqual({ account: account.id, missing: [] });
    }
  });
});
