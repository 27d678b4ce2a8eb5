import { randomInt } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import officeCrypto from 'officecrypto-tool';
import { DateTime } from 'luxon';
import type { Keyring } from '../../secrets.js';
import type { CardRow } from '../cards/model.js';
import { revealCode } from '../cards/lookup.js';

/**
 * Readable password characters: no 0/O, 1/l/I, nor characters that differ only in a font (5/S are
 * kept: they read apart). 55 characters, 16 of them: about 92 bits, typed from a phone message.
 */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A strong, readable password, in 4 groups of 4 (Ab3d-Kx7m-…), drawn from the system's CSPRNG. */
export function newPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += READABLE[randomInt(READABLE.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** The MIME type of the file a delivery hands over. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The workbook of a delivery's codes, one row per card in the delivery's order (Chinese headers
 * first), under `password` when given. Made in a worker thread (workbook-worker.cjs): the rendering
 * and the password's key derivation are seconds of CPU for 10,000 codes, which the request's own
 * thread must not spend while it serves others.
 */
export async function makeWorkbook(keys: Keyring, cards: CardRow[], tz: string, title: string, password: string | null): Promise<Buffer> {
  const rows = cards.map((c, i) => {
    const { code, pin } = revealCode(keys, c);
    const until = c.valid_until ? DateTime.fromJSDate(new Date(c.valid_until), { zone: tz }).toFormat('yyyy-LL-dd HH:mm:ss ZZ') : '';
    return [i + 1, String(code), pin ?? '', until, c.id];
  });
  const worker = new Worker(new URL('./workbook-worker.cjs', import.meta.url), { workerData: { rows, title, password }, execArgv: [] });
  const out = await new Promise<Uint8Array>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the workbook worker stopped (${code}) before answering`)));
  });
  await worker.terminate();
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

// The password's encryption is ECMA-376 agile (AES-256-CBC, SHA-512, 100,000 spins, as Excel writes
// it): Excel, WPS and LibreOffice open the file by asking for the password. Checked independently
// with msoffcrypto-tool 5.0 (decrypts with integrity verification; refuses a wrong password).

/** Whether a file is an encrypted Office file (a compound file holding EncryptionInfo), not a plain zip. */
export const isEncryptedFile = (file: Buffer): boolean => officeCrypto.isEncrypted(file);

/** The workbook inside an encrypted file (throws on a wrong password). */
export const decryptWorkbook = (file: Buffer, password: string): Promise<Buffer> => officeCrypto.decrypt(file, { password });
