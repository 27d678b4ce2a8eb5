import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Figures, StatsAnswer } from './stats.js';
import { FIGURES } from './definitions.js';

export type Lang = 'zh' | 'en';
const L = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** The figures a report's columns show, in order; money columns are in yuan. */
const COLUMNS = [
  'issued',
  'issued_to_members',
  'exported',
  'bound',
  'in_hands',
  'redeemed',
  'redeemed_cards',
  'redemption_rate',
  'redeemed_amount',
  'order_gmv',
] as const satisfies readonly (keyof Figures)[];
const MONEY = new Set<string>(['redeemed_amount', 'order_gmv']);
const DIMENSION: Record<string, [string, string]> = {
  day: ['日期', 'Day'],
  template: ['模板', 'Template'],
  batch: ['批次', 'Batch'],
  store: ['门店', 'Store'],
};

/** One cell's value: counts as numbers, money in yuan (2 decimals), the rate as a fraction (or null). */
const cell = (f: Figures, k: (typeof COLUMNS)[number]) => (MONEY.has(k) ? Math.round(f[k] as number) / 100 : f[k]);

function table(s: StatsAnswer, lang: Lang) {
  const name = (k: string) => {
    const d = FIGURES.find((x) => x.key === k)!;
    return L(lang, d.name[0], d.name[1]) + (MONEY.has(k) ? L(lang, '（元）', ' (yuan)') : '');
  };
  const head = [L(lang, ...DIMENSION[s.group_by]), ...COLUMNS.map(name)];
  const none = s.group_by === 'store' ? L(lang, '线上 / 未指定门店', 'Online / no store') : L(lang, '（无）', '(none)');
  const rows = s.rows.map((r) => [r.name ?? (r.key ? r.key : none), ...COLUMNS.map((k) => cell(r, k))]);
  const change = COLUMNS.map((k) => {
    const [a, b] = [s.totals[k], s.previous.totals[k]];
    return a == null || b == null
      ? null
      : MONEY.has(k)
        ? Math.round((a as number) - (b as number)) / 100
        : Math.round(((a as number) - (b as number)) * 10_000) / 10_000;
  });
  const changePct = COLUMNS.map((k) => {
    const [a, b] = [s.totals[k], s.previous.totals[k]];
    return a == null || b == null || !b || k === 'redemption_rate' ? null : Math.round((((a as number) - (b as number)) / (b as number)) * 10_000) / 10_000;
  });
  const foot = [
    [L(lang, '合计', 'Total'), ...COLUMNS.map((k) => cell(s.totals, k))],
    [L(lang, '上期合计', 'Previous period'), ...COLUMNS.map((k) => cell(s.previous.totals, k))],
    [L(lang, '较上期变化', 'Change'), ...change],
    [L(lang, '较上期变化 %', 'Change %'), ...changePct],
  ];
  return { head, rows, foot };
}

const day = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz }).toFormat('yyyy-MM-dd HH:mm');
/** The period as people of the tenant read it: local times, the end exclusive. */
const periodText = (s: StatsAnswer) => `${day(s.from, s.time_zone)} — ${day(s.to, s.time_zone)} (${s.time_zone})`;

/** A cell as CSV: quoted when it must be; a text that a spreadsheet would run as a formula is made plain text. */
export function csvCell(v: unknown): string {
  if (v == null) return '';
  let t = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** CSV with a UTF-8 BOM (so Excel reads the Chinese right): the grouped rows, then total, previous period and change. */
export function reportCsv(s: StatsAnswer, lang: Lang): string {
  const { head, rows, foot } = table(s, lang);
  const fmt = (r: unknown[], percents = false) =>
    r
      .map((v, i) => {
        const k = COLUMNS[i - 1];
        if (i === 0 || typeof v !== 'number') return csvCell(v);
        if (percents || k === 'redemption_rate') return `${(v * 100).toFixed(2)}%`;
        return MONEY.has(k) ? v.toFixed(2) : String(v);
      })
      .join(',');
  return `\uFEFF${[head.map(csvCell).join(','), ...rows.map((r) => fmt(r)), ...foot.map((r, i) => fmt(r, i === 3))].join('\r\n')}\r\n`;
}

/** XLSX (exceljs): the report sheet (numbers as numbers, yuan with 2 decimals, rates as %), a summary, and 指标说明 definitions. */
export async function reportXlsx(s: StatsAnswer, lang: Lang, tenantName: string): Promise<Buffer> {
  const { head, rows, foot } = table(s, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaquan';
  const ws = wb.addWorksheet(L(lang, '报表', 'Report'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(head).font = { bold: true };
  for (const r of [...rows, ...foot]) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 28 : 14;
    const k = COLUMNS[i - 1];
    if (k && MONEY.has(k)) c.numFmt = '#,##0.00';
    else if (k === 'redemption_rate') c.numFmt = '0.00%';
    else if (k) c.numFmt = '#,##0';
  });
  const pctRow = ws.getRow(rows.length + foot.length + 1);
  pctRow.eachCell((c, i) => {
    if (i > 1) c.numFmt = '0.00%';
  });
  for (let i = rows.length + 2; i <= rows.length + foot.length + 1; i++) ws.getRow(i).font = { bold: true };

  const sum = wb.addWorksheet(L(lang, '概况', 'Summary'));
  sum.columns = [{ width: 24 }, { width: 60 }];
  sum.addRows([
    [L(lang, '商户', 'Tenant'), tenantName],
    [L(lang, '期间', 'Period'), periodText(s)],
    [L(lang, '上期', 'Previous period'), periodText({ ...s, from: s.previous.from, to: s.previous.to })],
    [L(lang, '分组', 'Grouped by'), L(lang, ...DIMENSION[s.group_by])],
    [L(lang, '库存（未发出，当前）', 'Stock not issued (now)'), s.stock.unissued],
    [L(lang, '在外未绑定（当前）', 'Bearer codes out (now)'), s.stock.bearer],
  ]);
  sum.getColumn(1).font = { bold: true };

  const defs = wb.addWorksheet(L(lang, '指标说明', 'Definitions'));
  defs.columns = [{ width: 20 }, { width: 90 }, { width: 90 }];
  defs.addRow([L(lang, '指标', 'Figure'), '定义', 'Definition']).font = { bold: true };
  for (const f of FIGURES) defs.addRow([L(lang, f.name[0], f.name[1]), f.def[0], f.def[1]]);
  defs.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  defs.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file's name: kaquan-report-day-2026-05-01-2026-05-30.csv (local days, the last one included). */
export function reportFileName(s: StatsAnswer, ext: 'csv' | 'xlsx'): string {
  const d = (x: Date) => DateTime.fromJSDate(x, { zone: s.time_zone }).toFormat('yyyy-MM-dd');
  return `kaquan-report-${s.group_by}-${d(s.from)}-${d(new Date(s.to.getTime() - 1))}.${ext}`;
}
