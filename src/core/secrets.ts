/**
 * Sealing secrets kept in the database (a channel's SMTP password, a Zalo access token, an SMS API
 * secret) with AES-256-GCM from node:crypto. The key is OCOP_SECRETS_KEY (32 bytes, base64) when set —
 * what a server with several app processes must do — and otherwise one generated on first use and kept
 * in app_keys (a single-machine install; anyone who can read the database can then read the secrets,
 * which docs/decisions/014 says plainly). A sealed value is "v1:<iv>:<tag>:<ciphertext>", base64 parts.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Sql } from './db/database.ts';

const KEY_NAME = 'secrets';

async function loadKey(sql: Sql): Promise<Buffer> {
  const fromEnv = process.env.OCOP_SECRETS_KEY?.trim();
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('OCOP_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32).');
    return key;
  }
  await sql.query(`INSERT INTO app_keys (name, key_base64) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [KEY_NAME, randomBytes(32).toString('base64')]);
  const row = await sql.query<{ key_base64: string }>(`SELECT key_base64 FROM app_keys WHERE name = $1`, [KEY_NAME]);
  return Buffer.from(row.rows[0]!.key_base64, 'base64');
}

export async function sealSecret(sql: Sql, plain: string): Promise<string> {
  const key = await loadKey(sql);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export async function openSecret(sql: Sql, sealed: string): Promise<string> {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unknown sealed secret format.');
  const decipher = createDecipheriv('aes-256-gcm', await loadKey(sql), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
