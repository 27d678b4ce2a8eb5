import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { STATS_KEYS, type ChannelFigures, type ChannelStatsAnswer } from './channel-stats.js';
import { csvCell, type Lang } from './report-file.js';

/** The stats by channel 渠道数据 as a file: one row a channel (indented by depth), its subtree's figures, then its own. */
const L = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
const NAMES: Record<(typeof STATS_KEYS)[number], [string, string]> = {
  issued: ['发放', 'Issued'],
  issued_to_members: ['发给会员', 'Issued to members'],
  bound: ['绑定', 'Bound'],
  in_hands: ['到达会员', 'In members’ hands'],
  redeemed: ['核销笔数', 'Redemptions'],
  redeemed_cards: ['核销张数', 'Cards redeemed'],
  redeemed_amount: ['核销金额', 'Redeemed amount'],
  order_gmv: ['订单金额（GMV）', 'Order GMV'],
};
const MONEY = new Set<string>(['redeemed_amount', 'order_gmv']);
const cells = (f: ChannelFigures) => STATS_KEYS.map((k) => (MONEY.has(k) ? f[k] / 100 : f[k]));

function table(s: ChannelStatsAnswer, lang: Lang) {
  const col = (k: (typeof STATS_KEYS)[number], own: boolean) =>
    (own ? L(lang, '本级·', 'Own · ') : L(lang, '含下级·', 'Subtree · ')) + L(lang, ...NAMES[k]) + (MONEY.has(k) ? L(lang, '（元）', ' (yuan)') : '');
  const head = [L(lang, '渠道', 'Channel'), L(lang, '层级', 'Level'), ...STATS_KEYS.map((k) => col(k, false)), ...STATS_KEYS.map((k) => col(k, true))];
  const rows: unknown[][] = [];
  if (s.parent) rows.push([s.parent.name, s.parent.depth + 1, ...cells(s.parent.subtree), ...cells(s.parent.own)]);
  for (const r of s.rows) rows.push([`${'  '.repeat(r.depth)}${r.name}`, r.depth + 1, ...cells(r.subtree), ...cells(r.own)]);
  if (s.unattributed) rows.push([L(lang, '（无渠道）', '(no channel)'), null, ...cells(s.unattributed), ...cells(s.unattributed)]);
  rows.push([L(lang, '合计', 'Total'), null, ...cells(s.totals), ...STATS_KEYS.map(() => null)]);
  return { head, rows };
}

export function channelReportCsv(s: ChannelStatsAnswer, lang: Lang): string {
  const { head, rows } = table(s, lang);
  const fmt = (r: unknown[]) =>
    r.map((v, i) => (typeof v === 'number' && i >= 2 && MONEY.has(STATS_KEYS[(i - 2) % STATS_KEYS.length]!) ? v.toFixed(2) : csvCell(v))).join(',');
  return `\uFEFF${[head.map(csvCell).join(','), ...rows.map(fmt)].join('\r\n')}\r\n`;
}

export async function channelReportXlsx(s: ChannelStatsAnswer, lang: Lang, tenantName: string): Promise<Buffer> {
  const { head, rows } = table(s, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaquan';
  const ws = wb.addWorksheet(L(lang, '渠道数据', 'By channel'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 32 : 14;
    if (i >= 2) c.numFmt = MONEY.has(STATS_KEYS[(i - 2) % STATS_KEYS.length]!) ? '#,##0.00' : '#,##0';
  });
  ws.getRow(rows.length + 1).font = { bold: true };
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: s.time_zone }).toFormat('yyyy-MM-dd HH:mm');
  const sum = wb.addWorksheet(L(lang, '概况', 'Summary'));
  sum.columns = [{ width: 24 }, { width: 60 }];
  sum.addRows([
    [L(lang, '商户', 'Tenant'), tenantName],
    [L(lang, '期间', 'Period'), `${day(s.from)} — ${day(s.to)} (${s.time_zone})`],
    [L(lang, '上级渠道', 'Parent channel'), s.parent?.name ?? L(lang, '（顶层）', '(top level)')],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
