import { MikroORM } from '@mikro-orm/core';
import { ChannelAccount, ChannelDirectory, CredentialCipher } from '@urikiri/sync';
import type { DatabaseConfig } from '../config/app-config';
import { createOrmOptions } from '../database/orm-options';
import { createScratchDatabase, type ScratchDatabase } from '../database/scratch-database';
import { CredentialsCommandError, runCredentialsCommand } from './credentials-command';

const OLD = 'old-credentials-key-0123456789-abcdefghij';
const NEW = 'new-credentials-key-9876543210-klmnopqrst';
const ENV = { OLD_KEY: OLD, NEW_KEY: NEW };
const ROTATE = ['rotate', '--from-env', 'OLD_KEY', '--to-env', 'NEW_KEY'];

const CREDENTIALS: Record<string, Record<string, string>> = {
  'shop-a': { clientId: 'a', clientSecret: 'secret-a', refreshToken: 'refresh-a', webhookSecret: 'hook-a' },
  'shop-b': { clientId: 'b', clientSecret: 'secret-b', refreshToken: 'refresh-b', webhookSecret: 'hook-b' },
  'shop-c': { apiKey: 'key-c' },
};

describe.each<DatabaseConfig['dialect']>(['postgresql', 'sqlite'])('credentials rotate on %s', (dialect) => {
  let scratch: ScratchDatabase;
  let orm: MikroORM;

  const ciphertexts = async () =>
    Object.fromEntries((await orm.em.fork().find(ChannelAccount, {}, { orderBy: { id: 'asc' } })).map((a) => [a.id, a.credentialsCiphertext]));
  const decryptAll = async (key: string) => {
    const cipher = new CredentialCipher(key);
    return Object.fromEntries(Object.entries(await ciphertexts()).map(([id, text]) => [id, cipher.decrypt(text)]));
  };

  beforeEach(async () => {
    scratch = await createScratchDatabase(dialect, 'credentials_cli');
    orm = await MikroORM.init(createOrmOptions(scratch.config));
    await orm.getMigrator().up();
    const directory = new ChannelDirectory(orm, new CredentialCipher(OLD), () => {
      throw new Error('no connector is needed to store credentials');
    });
    for (const [id, credentials] of Object.entries(CREDENTIALS)) await directory.addAccount({ id, connector: 'testshop', displayName: id, credentials });
  });

  afterEach(async () => {
    await orm?.close(true);
    await scratch?.drop();
  });

  it('re-encrypts every account with the new key, which alone reads them afterwards', async () => {
    const output = await runCredentialsCommand(ROTATE, orm, ENV);
    expect(output).toContain('Re-encrypted the credentials of 3 channel account(s) with the key in NEW_KEY: shop-a, shop-b, shop-c.');
    expect(await decryptAll(NEW)).toEqual(CREDENTIALS);
    await expect(decryptAll(OLD)).rejects.toThrow();
    // Neither key appears in what the command prints.
    expect(output).not.toContain(OLD);
    expect(output).not.toContain(NEW);
  });

  it('changes nothing when run again, and says the accounts already use the new key', async () => {
    await runCredentialsCommand(ROTATE, orm, ENV);
    const rotated = await ciphertexts();
    expect(await runCredentialsCommand(ROTATE, orm, ENV)).toContain('Already encrypted with that key, left as they were: shop-a, shop-b, shop-c.');
    expect(await ciphertexts()).toEqual(rotated);
  });

  it('changes nothing at all when one account cannot be read with the old key', async () => {
    const stranger = new ChannelDirectory(orm, new CredentialCipher('a-third-key-nobody-kept-0123456789'), () => {
      throw new Error('unused');
    });
    await stranger.addAccount({ id: 'shop-d', connector: 'testshop', displayName: 'd', credentials: { apiKey: 'lost' } });
    const before = await ciphertexts();
    await expect(runCredentialsCommand(ROTATE, orm, ENV)).rejects.toThrow("The credentials of channel account 'shop-d' cannot be decrypted with the old key");
    expect(await ciphertexts()).toEqual(before);
  });

  it('reads keys only from the environment, and never repeats a key given on the command line', async () => {
    const pasted = runCredentialsCommand(['rotate', '--from-env', OLD, '--to-env', 'NEW_KEY'], orm, ENV);
    await expect(pasted).rejects.toThrow(CredentialsCommandError);
    await expect(pasted).rejects.toThrow('--from-env must name an environment variable that holds the key');
    await pasted.catch((error: Error) => expect(error.message).not.toContain(OLD));
    await expect(runCredentialsCommand(ROTATE, orm, { NEW_KEY: NEW })).rejects.toThrow('--from-env names OLD_KEY, which is not set.');
    await expect(runCredentialsCommand(ROTATE, orm, { OLD_KEY: OLD, NEW_KEY: 'short' })).rejects.toThrow('The key in NEW_KEY must be at least 32 characters');
    await expect(runCredentialsCommand(ROTATE, orm, { OLD_KEY: OLD, NEW_KEY: OLD })).rejects.toThrow('hold the same key');
    const keyLikeName = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const unset = runCredentialsCommand(['rotate', '--from-env', keyLikeName, '--to-env', 'NEW_KEY'], orm, ENV);
    await expect(unset).rejects.toThrow('--from-env names a variable, which is not set.');
    await unset.catch((error: Error) => expect(error.message).not.toContain(keyLikeName));
    await expect(runCredentialsCommand(['rotate'], orm, ENV)).rejects.toThrow('--from-env must name');
    await expect(runCredentialsCommand(['spin'], orm, ENV)).rejects.toThrow('Usage:');
  });
});
