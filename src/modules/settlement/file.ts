import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { csvCell } from '../reports/report-file.js';
import type { Line, LineKind } from './compute.js';
import type { Statement } from './service.js';

/** A statement as a file 对账单导出: names (not ids), amounts in yuan with 2 decimals, Chinese headers (English beside). */
const KIND: Record<LineKind, string> = {
  allocated: '分配配额 Allocated',
  sold: '售出（发券） Sold',
  activated: '激活（绑定） Activated',
  redeemed: '核销 Redeemed',
  void: '退券（作废） Refund: voided',
  reversal: '核销撤销 Refund: redemption reversed',
  adjustment: '调整（前期） Adjustment',
  commission: '佣金/返利 Commission',
  order_paid: '订单付款 Orders paid',
  fulfilled: '履约发码 Fulfilled',
  order_refund: '订单退款 Order refunds',
  recharge: '预存款充值 Prepaid recharge',
  deduction: '预存款扣款 Prepaid deduction',
  prepaid_refund: '预存款退回 Prepaid refund',
  prepaid_other: '预存款其他 Prepaid other',
};
export const TOTAL_NAMES: Record<string, string> = {
  allocated: '分配数量',
  sold: '售出数量',
  sold_amount: '售出金额（元）',
  activated: '激活数量',
  redeemed: '核销次数',
  redeemed_value: '核销面值（元）',
  voided: '退券数量',
  refund_amount: '退款金额（元）',
  adjustment_amount: '调整金额（元）',
  sales_net: '净销售额（元）',
  redeemed_net: '净核销面值（元）',
  commission_basis: '佣金基数（元）',
  commission: '佣金/返利（元）',
  due: '应结金额（元）',
  orders_paid: '付款订单数',
  units_paid: '付款数量',
  paid_amount: '付款金额（元）',
  fulfilled_units: '履约数量',
  fulfilled_amount: '履约金额（元）',
  paid_net: '净付款（元）',
  opening_balance: '期初预存款（元）',
  recharges: '充值（元）',
  deductions: '扣款（元）',
  prepaid_refunds: '退回（元）',
  prepaid_other: '其他（元）',
  closing_balance: '期末预存款（元）',
};
const MONEY = (k: string) => TOTAL_NAMES[k]?.includes('元') ?? false;
const HEAD = ['项目 Line', '模板 Template', '数量 Quantity', '单价（元） Unit price', '金额（元） Amount', '说明 Note'];
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

function table(s: Statement, names: Map<string, string>) {
  const note = (l: Line) =>
    [l.no_price ? '无批发价，按 0 计 no price: valued 0' : '', l.adjusts ? `调整前期${KIND[l.adjusts].split(' ')[0]} corrects an earlier period` : '']
      .filter(Boolean)
      .join('；');
  const rows = s.lines.map((l) => [
    KIND[l.kind],
    l.template_id ? (names.get(l.template_id) ?? l.template_id) : '',
    l.quantity,
    yuan(l.unit_price),
    yuan(l.amount),
    note(l),
  ]);
  return rows;
}

const local = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz }).toFormat('yyyy-MM-dd HH:mm');
const STATE = { draft: '草稿 draft', closed: '已结账 closed' };

function header(s: Statement, party: string, tz: string): [string, unknown][] {
  return [
    ['对账方 Party', `${s.party_type === 'channel' ? '渠道' : '企业客户'} ${party}`],
    ['期间 Period', `${local(s.period_from, tz)} — ${local(s.period_to, tz)} (${tz})`],
    ['状态 State', STATE[s.state]],
    ['价格等级 Price level', s.price_level ?? ''],
    ['佣金费率 Rate', `${(s.rate_bp / 100).toFixed(2)}% (${s.basis === 'sales' ? '按净销售额 on net sales' : '按净核销面值 on net redeemed value'})`],
  ];
}

export function statementCsv(s: Statement, party: string, names: Map<string, string>, tz: string): string {
  const rows = table(s, names);
  const fmt = (r: unknown[]) => r.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : csvCell(v))).join(',');
  const money = (r: unknown[], i: number) => (typeof r[i] === 'number' ? (r[i] as number).toFixed(2) : csvCell(r[i]));
  const lines = rows.map((r) => [csvCell(r[0]), csvCell(r[1]), csvCell(r[2]), money(r, 3), money(r, 4), csvCell(r[5])].join(','));
  const tot = Object.entries(s.totals).map(([k, v]) => [csvCell(TOTAL_NAMES[k] ?? k), MONEY(k) ? (v / 100).toFixed(2) : String(v)].join(','));
  return `\uFEFF${[...header(s, party, tz).map(fmt), '', HEAD.map(csvCell).join(','), ...lines, '', '合计 Totals', ...tot].join('\r\n')}\r\n`;
}

export async function statementXlsx(s: Statement, party: string, names: Map<string, string>, tz: string): Promise<Buffer> {
  const rows = table(s, names);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaquan';
  const ws = wb.addWorksheet('对账明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(HEAD).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = [24, 28, 12, 14, 16, 36][i];
    if (i === 3 || i === 4) c.numFmt = '#,##0.00';
  });
  const sum = wb.addWorksheet('汇总');
  sum.columns = [{ width: 24 }, { width: 60 }];
  sum.addRows(header(s, party, tz));
  sum.addRow([]);
  for (const [k, v] of Object.entries(s.totals)) {
    const r = sum.addRow([TOTAL_NAMES[k] ?? k, MONEY(k) ? v / 100 : v]);
    if (MONEY(k)) r.getCell(2).numFmt = '#,##0.00';
  }
  sum.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function statementFileName(s: Statement, tz: string, ext: 'csv' | 'xlsx'): string {
  const d = (x: Date) => DateTime.fromJSDate(x, { zone: tz }).toFormat('yyyy-MM-dd');
  return `kaquan-statement-${s.party_type}-${d(s.period_from)}-${d(new Date(s.period_to.getTime() - 1))}.${ext}`;
}
