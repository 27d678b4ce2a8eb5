import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Time-ordered ids (ms timestamp + 80 random bits), Crockford base32, with a readable prefix. */
export function newId(prefix: string, at = Date.now()): string {
  let t = at;
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const r = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD[r[i] & 31];
  return `${prefix}_${time}${rand}`.toLowerCase();
}
