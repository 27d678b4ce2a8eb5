/**
 * Makes a delivery's workbook off the main thread (file.ts `makeWorkbook`): rendering 10,000 rows
 * and the password's 100,000 SHA-512 spins each take a second or two of CPU, which would stall every
 * other request of the process. Plain CommonJS, so it runs the same under tsx and compiled.
 * In: { rows: [no, code, pin, until, id][], title, password | null }. Out: the file's bytes.
 */
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require('exceljs');
const officeCrypto = require('officecrypto-tool');

async function make({ rows, title, password }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaquan 卡券';
  wb.title = title;
  const ws = wb.addWorksheet('卡密 Codes');
  ws.columns = [
    { header: '序号 No.', key: 'no', width: 8 },
    { header: '券码 Code', key: 'code', width: 26, style: { numFmt: '@' } },
    { header: '密码 PIN', key: 'pin', width: 12, style: { numFmt: '@' } },
    { header: '有效期至 Valid until', key: 'until', width: 28 },
    { header: '卡券编号 Card id', key: 'id', width: 34 },
  ];
  ws.getRow(1).font = { bold: true };
  // codes as text: a spreadsheet must not read a numeric-looking code as a number
  for (const [no, code, pin, until, id] of rows) ws.addRow({ no, code, pin, until, id });
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  // ECMA-376 agile encryption: AES-256-CBC, SHA-512, 100,000 spins, as Excel writes it
  return password ? officeCrypto.encrypt(plain, { password }) : plain;
}

make(workerData).then(
  (file) => parentPort.postMessage(file),
  (e) => {
    throw e;
  },
);
