import { MikroORM } from '@mikro-orm/core';
import { ApiKeyService } from '../auth/api-key.service';
import { createOrmOptions } from '../database/orm-options';
import { createScratchDatabase, type ScratchDatabase } from '../database/scratch-database';
import { KEY_USAGE, KeyCommandError, runKeyCommand } from './key-command';

describe('the key command', () => {
  let scratch: ScratchDatabase;
  let orm: MikroORM;
  let apiKeys: ApiKeyService;

  beforeAll(async () => {
    scratch = await createScratchDatabase('sqlite', 'key_cli');
    orm = await MikroORM.init(createOrmOptions(scratch.config));
    await orm.getMigrator().up();
    apiKeys = new ApiKeyService(orm);
  });

  afterAll(async () => {
    await orm?.close(true);
    await scratch?.drop();
  });

  it('creates a key with the scopes asked for, shows it once, lists and revokes it', async () => {
    const created = await runKeyCommand(['create', '--scopes', 'read,write', '--name', 'shop sync'], apiKeys);
    const key = /\n(uk_\S+)$/.exec(created)?.[1] as string;
    expect(created).toContain('Created API key #1 with scopes read, write');
    expect(await apiKeys.authenticate(key)).toMatchObject({ name: 'shop sync', scopes: ['read', 'write'] });

    const listed = await runKeyCommand(['list'], apiKeys);
    expect(listed).toContain(`#1  ${key.slice(0, 11)}…  read,write  shop sync`);
    expect(listed).not.toContain(key);

    expect(await runKeyCommand(['revoke', '1'], apiKeys)).toBe(`Revoked API key #1 (${key.slice(0, 11)}…).`);
    expect(await apiKeys.authenticate(key)).toBeNull();
  });

  it('refuses unknown scopes and commands, saying what is accepted', async () => {
    await expect(runKeyCommand(['create', '--scopes', 'root'], apiKeys)).rejects.toThrow(
      new KeyCommandError('--scopes must list one or more of read, write, admin, separated by commas.'),
    );
    await expect(runKeyCommand(['rotate'], apiKeys)).rejects.toThrow(new KeyCommandError(KEY_USAGE));
  });
});
