import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
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

/** The workbook of a delivery's codes: one row per card, in the delivery's order (Chinese headers first). */
export async function renderWorkbook(keys: Keyring, cards: CardRow[], tz: string, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaquan 卡券';
  const ws = wb.addWorksheet('卡密 Codes');
  ws.columns = [
    { header: '序号 No.', key: 'no', width: 8 },
    { header: '券码 Code', key: 'code', width: 26 },
    { header: '密码 PIN', key: 'pin', width: 12 },
    { header: '有效期至 Valid until', key: 'until', width: 28 },
    { header: '卡券编号 Card id', key: 'id', width: 34 },
  ];
  ws.getRow(1).font = { bold: true };
  cards.forEach((c, i) => {
    const { code, pin } = revealCode(keys, c);
    const until = c.valid_until ? DateTime.fromJSDate(new Date(c.valid_until), { zone: tz }).toFormat('yyyy-LL-dd HH:mm:ss ZZ') : '';
    // codes as text: a spreadsheet must not read a numeric-looking code as a number
    ws.addRow({ no: i + 1, code: String(code), pin: pin ?? '', until, id: c.id });
  });
  ws.getColumn('code').numFmt = '@';
  ws.getColumn('pin').numFmt = '@';
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The workbook under a password: ECMA-376 agile encryption (AES-256-CBC, SHA-512, 100,000 spins,
 * as Excel writes it), which Excel, WPS and LibreOffice open by asking for the password.
 */
export const encryptWorkbook = (plain: Buffer, password: string): Buffer => officeCrypto.encrypt(plain, { password });

/** Whether a file is an encrypted Office file (a compound file holding EncryptionInfo), not a plain zip. */
export const isEncryptedFile = (file: Buffer): boolean => officeCrypto.isEncrypted(file);

/** The workbook inside an encrypted file (throws on a wrong password). */
export const decryptWorkbook = (file: Buffer, password: string): Promise<Buffer> => officeCrypto.decrypt(file, { password });
