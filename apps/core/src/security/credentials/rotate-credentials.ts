import { LockMode, type MikroORM } from '@mikro-orm/core';
import { dialectOf } from '@urikiri/inventory';
import { ChannelAccount, type CredentialCipher } from '@urikiri/sync';

export interface RotationReport {
  /** Accounts whose credentials are now encrypted with the new key. */
  rotated: string[];
  /** Accounts already encrypted with the new key (a rotation run again): left as they are. */
  alreadyRotated: string[];
}

export class CredentialsRotationError extends Error {}

/**
 * Re-encrypts every channel account's credentials from one key to the other in one transaction:
 * all of them or, when any cannot be read with the old key, none. Each new ciphertext is read back
 * with the new key before the transaction commits. The credentials themselves only ever exist in
 * this process's memory.
 */
export async function rotateCredentials(orm: MikroORM, from: CredentialCipher, to: CredentialCipher): Promise<RotationReport> {
  const report: RotationReport = { rotated: [], alreadyRotated: [] };
  await orm.em.fork().transactional(async (em) => {
    // SQLite's write transaction is exclusive already; PostgreSQL locks the rows against a running service.
    const lockMode = dialectOf(orm) === 'postgresql' ? LockMode.PESSIMISTIC_WRITE : undefined;
    const accounts = await em.find(ChannelAccount, {}, { orderBy: { id: 'asc' }, ...(lockMode ? { lockMode } : {}) });
    for (const account of accounts) {
      const credentials = readable(from, account.credentialsCiphertext);
      if (credentials === undefined) {
        if (readable(to, account.credentialsCiphertext) !== undefined) {
          report.alreadyRotated.push(account.id);
          continue;
        }
        throw new CredentialsRotationError(
          `The credentials of channel account '${account.id}' cannot be decrypted with the old key (nor with the new one); nothing was changed.`,
        );
      }
      const ciphertext = to.encrypt(credentials);
      if (JSON.stringify(to.decrypt(ciphertext)) !== JSON.stringify(credentials)) {
        throw new CredentialsRotationError(`Re-encrypting channel account '${account.id}' did not read back; nothing was changed.`);
      }
      account.credentialsCiphertext = ciphertext;
      report.rotated.push(account.id);
    }
  });
  return report;
}

function readable(cipher: CredentialCipher, ciphertext: string): unknown {
  try {
    return cipher.decrypt(ciphertext);
  } catch {
    return undefined;
  }
}
