import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Operator passwords 运营账号密码: scrypt (memory-hard, in node itself, no native dependency).
 * Stored as `scrypt$N$r$p$salt$hash` (base64) so the cost can be raised later without a migration:
 * an old hash keeps verifying with the parameters it names.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
let params = PARAMS;
const KEYLEN = 32;
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const opts: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEYLEN, opts, (e, k) => (e ? reject(e) : resolve(k))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A hash of nothing in particular: verifying against it costs the same as a real one, so an unknown username takes as long. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

/**
 * Tests only (startTestEnv's `cheapPasswords`): hashes made from now on in this process use scrypt
 * with cost N, the decoy too; `undefined` goes back to the real cost. Verifying needs no setting.
 */
export function setTestHashCost(N: number | undefined) {
  const next = N ? { ...PARAMS, N } : PARAMS;
  if (next.N !== params.N) decoy = undefined;
  params = next;
}
