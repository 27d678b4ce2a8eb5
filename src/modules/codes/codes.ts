import { randomBytes } from 'node:crypto';

/**
 * Codes 券码/卡密: drawn from a CSPRNG over an unambiguous alphabet, with a Luhn mod N check
 * character so a mistyped code (one wrong character, two swapped) is told apart from an unknown one.
 */
export const ALPHABETS = {
  crockford: '0123456789ABCDEFGHJKMNPQRSTVWXYZ', // no I, L, O, U
  digits: '0123456789',
} as const;
export type AlphabetName = keyof typeof ALPHABETS;

export interface CodeFormat {
  prefix: string;
  length: number; // random characters, without prefix and check character
  alphabet: AlphabetName;
}

export const MIN_ENTROPY_BITS = 80;

export function entropyBits(f: Pick<CodeFormat, 'length' | 'alphabet'>): number {
  return f.length * Math.log2(ALPHABETS[f.alphabet].length);
}

/** Shortest length that carries the entropy a value-bearing code needs. */
export function minLength(alphabet: AlphabetName): number {
  return Math.ceil(MIN_ENTROPY_BITS / Math.log2(ALPHABETS[alphabet].length));
}

export function checkChar(body: string, alphabet: string): string {
  const n = alphabet.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const cp = alphabet.indexOf(body[i]);
    if (cp < 0) return '';
    let addend = factor * cp;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return alphabet[(n - (sum % n)) % n];
}

export function generateCode(f: CodeFormat): string {
  const alphabet = ALPHABETS[f.alphabet];
  const n = alphabet.length;
  // rejection sampling keeps every character uniform
  const limit = 256 - (256 % n);
  let body = f.prefix;
  while (body.length < f.prefix.length + f.length) {
    for (const b of randomBytes(f.length * 2)) {
      if (b < limit && body.length < f.prefix.length + f.length) body += alphabet[b % n];
    }
  }
  return body + checkChar(body, alphabet);
}

/** Upper case, separators removed: how codes are stored and looked up. */
export function normalizeCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
}

/** Crockford reading: O is 0, I and L are 1 (a clerk typing from paper). */
export function crockfordAliases(code: string): string {
  return code.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** True when the last character is a valid check character under one of our alphabets. */
export function hasValidCheck(code: string): boolean {
  if (code.length < 2) return false;
  const body = code.slice(0, -1);
  const last = code.slice(-1);
  return Object.values(ALPHABETS).some((a) => checkChar(body, a) === last);
}

export function generatePin(digits = 8): string {
  let pin = '';
  while (pin.length < digits) for (const b of randomBytes(digits * 2)) if (b < 250 && pin.length < digits) pin += String(b % 10);
  return pin;
}
