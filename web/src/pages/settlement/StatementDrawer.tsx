import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Grid, Modal, Space, Table, Tag, Typography, message } from 'antd';
import { FileExcelOutlined, FileTextOutlined, LockOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { report, type Client } from '../../api';
import type { Me, Statement, StatementLine } from '../../api/types';
import { useT } from '../../i18n';
import { money, num, zonedTime } from '../../format';
import { saveFile } from '../batches/ExportCodes';
import { Refusal } from '../wholesale/Refusal';
import { ADJUSTS, BUYER_COUNTS, BUYER_TOTALS, CHANNEL_COUNTS, CHANNEL_TOTALS, KIND_ORDER, KINDS } from './words';
import { periodWords, StateTag } from './period';
import { Figures } from './Figures';

type LineRow = StatementLine & { key: string; span: number };

/**
 * 对账单 (one statement; docs/settlement.md): the party and period, its state, the totals on top (a channel: net
 * sales, net redeemed, commission, due; a buyer: net paid and its prepaid balance at both ends), the lines grouped
 * by kind in Chinese with what each kind means, 无价格 on a line the price level has no price for, adjustments
 * saying what they correct; 重新计算 (a draft), 结算 (close: asks first, says it freezes the statement; a period
 * not yet ended is refused in the catalogue's words) and 导出 CSV / Excel. The partner portal shows it read only.
 */
export function StatementDrawer(props: { api: Client; me: Me; id: string | null; canManage: boolean; onClose: () => void; onChanged?: () => void }) {
  const { api, me, id, canManage, onClose, onChanged } = props;
  const t = useT();
  const tz = me.tenant.time_zone;
  const cur = me.tenant.currency;
  const wide = Grid.useBreakpoint().md ?? true;
  const [s, setS] = useState<Statement | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const load = useCallback(() => {
    if (id) api.statement(id).then(setS).catch(report);
  }, [api, id]);
  useEffect(() => {
    setS(null);
    setError(null);
    load();
  }, [load]);

  const run = async (what: string, call: () => Promise<Statement>, done: string) => {
    setBusy(what);
    setError(null);
    try {
      setS(await call());
      message.success(done);
      onChanged?.();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const download = async (format: 'csv' | 'xlsx') => {
    if (!s) return;
    setBusy(format);
    try {
      saveFile(await api.statementFile(s.id, format), `对账单-${s.party_name}-${periodWords(s, tz, t).replace(/\s/g, '')}.${format}`);
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };

  const kindName = (k: string) => (KINDS[k] ? t(KINDS[k].zh, KINDS[k].en) : k);
  const tplName = (tid: string | null) => (tid ? (s?.names[tid] ?? tid) : '—');
  const rows: LineRow[] = [];
  if (s) {
    const order = (k: string) => {
      const i = (KIND_ORDER as readonly string[]).indexOf(k);
      return i < 0 ? 99 : i;
    };
    const sorted = s.lines.map((l, i) => ({ ...l, key: String(i), span: 0 })).sort((a, b) => order(a.kind) - order(b.kind));
    for (const l of sorted) {
      const first = rows.find((r) => r.kind === l.kind);
      if (first) first.span++;
      else l.span = 1;
      rows.push(l);
    }
  }
  const channel = s?.party_type === 'channel';
  const qty = (l: StatementLine) => (l.kind === 'commission' ? '—' : num(l.quantity));
  const kinds = [...new Set(rows.map((r) => r.kind))];

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={wide ? 860 : '100%'}
      title={s ? t(`对账单 · ${s.party_name}`, `Statement · ${s.party_name}`) : t('对账单', 'Statement')}
      destroyOnHidden
      data-testid="statement-drawer"
    >
      {s && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Refusal error={asking ? null : error} testId="statement-error" />
          <Descriptions
            size="small"
            bordered
            column={wide ? 2 : 1}
            data-testid="statement-head"
            items={[
              { key: 'party', label: channel ? t('渠道', 'Channel') : t('企业客户', 'Buyer'), children: s.party_name },
              { key: 'period', label: t('期间', 'Period'), children: periodWords(s, tz, t) },
              {
                key: 'state',
                label: t('状态', 'State'),
                children: (
                  <Space size={4} data-testid="statement-state">
                    <StateTag state={s.state} />
                    {s.flagged && (
                      <Tag color="orange" icon={<WarningOutlined />}>
                        {t('有无价格的行', 'Has unpriced lines')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              ...(channel
                ? [
                    { key: 'level', label: t('价格等级', 'Price level'), children: s.price_level ?? t('未设置', 'None') },
                    {
                      key: 'rate',
                      label: t('佣金比例', 'Commission rate'),
                      children: `${(s.rate_bp / 100).toFixed(2)}% · ${s.basis === 'sales' ? t('按净销售额', 'of net sales') : t('按净核销金额', 'of net redeemed')}`,
                    },
                  ]
                : []),
              {
                key: 'when',
                label: s.closed_at ? t('结算时间', 'Closed') : t('计算时间', 'Computed'),
                children: zonedTime(s.closed_at ?? s.computed_at, tz),
              },
            ]}
          />
          {s.flagged && (
            <Alert
              type="warning"
              showIcon
              data-testid="statement-flagged"
              title={
                canManage
                  ? t(
                      '有卡券模板在该价格等级下没有批发价，这些行按 0 计价（标为“无价格”）。请先在 批发 › 价格表 中设置价格，再重新计算。',
                      'Some templates have no price at this level: valued 0 (marked). Set their price in Wholesale › Price lists and recompute.',
                    )
                  : t('有卡券模板在该价格等级下没有批发价，这些行按 0 计价（标为“无价格”）。', 'Some templates have no price at this level: valued 0 (marked).')
              }
            />
          )}
          <Figures list={channel ? CHANNEL_TOTALS : BUYER_TOTALS} totals={s.totals} currency={cur} strong />
          <Figures list={channel ? CHANNEL_COUNTS : BUYER_COUNTS} totals={s.totals} currency={cur} />
          {channel && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('应结金额 = 净销售额 − 佣金/返利：本期渠道应付给品牌的金额。', 'Due = net sales − commission: what the channel owes for the period.')}
            </Typography.Text>
          )}
          <Table<LineRow>
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            data-testid="statement-lines"
            rowClassName={(l) => (l.no_price ? 'kq-row-warn' : '')}
            columns={[
              {
                title: t('项目', 'Item'),
                key: 'kind',
                onCell: (l) => ({ rowSpan: l.span }),
                render: (_, l) => <b>{kindName(l.kind)}</b>,
              },
              {
                title: t('卡券模板', 'Template'),
                key: 'tpl',
                render: (_, l) => (
                  <Space size={4} wrap>
                    {tplName(l.template_id)}
                    {l.no_price && (
                      <Tag color="orange" data-testid="line-no-price">
                        {t('无价格', 'No price')}
                      </Tag>
                    )}
                    {!wide && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {qty(l)}
                        {l.unit_price == null ? '' : ` × ${money(l.unit_price, cur)}`}
                      </Typography.Text>
                    )}
                    {l.adjusts && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {ADJUSTS[l.adjusts] ? t(...ADJUSTS[l.adjusts]) : l.adjusts}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              ...(wide
                ? [
                    { title: t('数量', 'Qty'), key: 'qty', align: 'right' as const, render: (_: unknown, l: LineRow) => qty(l) },
                    {
                      title: t('单价', 'Unit price'),
                      key: 'price',
                      align: 'right' as const,
                      render: (_: unknown, l: LineRow) => (l.unit_price == null ? '—' : money(l.unit_price, cur)),
                    },
                  ]
                : []),
              // allocations and activations are counted, not valued
              {
                title: t('金额', 'Amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number, l) => (l.kind === 'allocated' || l.kind === 'activated' ? '—' : money(v, cur)),
              },
            ]}
          />
          <div data-testid="statement-legend">
            <Typography.Text strong>{t('说明', 'What the items mean')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, fontSize: 12 }} className="kq-muted">
              {kinds.map((k) => (
                <li key={k}>
                  <b>{kindName(k)}</b>：{KINDS[k] ? t(KINDS[k].defZh, KINDS[k].defEn) : ''}
                </li>
              ))}
            </ul>
          </div>
          <Space wrap data-testid="statement-actions">
            {canManage && s.state === 'draft' && (
              <>
                <Button
                  type="primary"
                  icon={<LockOutlined />}
                  onClick={() => {
                    setError(null);
                    setAsking(true);
                  }}
                  data-testid="statement-close"
                >
                  {t('结算', 'Close')}
                </Button>
                <Button
                  icon={<ReloadOutlined />}
                  loading={busy === 'recompute'}
                  onClick={() =>
                    run(
                      'recompute',
                      () => api.computeStatement({ party_type: s.party_type, party_id: s.party_id, from: s.period_from, to: s.period_to }),
                      t('已重新计算', 'Recomputed'),
                    )
                  }
                  data-testid="statement-recompute"
                >
                  {t('重新计算', 'Recompute')}
                </Button>
              </>
            )}
            <Button icon={<FileTextOutlined />} loading={busy === 'csv'} onClick={() => download('csv')} data-testid="statement-csv">
              {t('导出 CSV', 'CSV')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')} data-testid="statement-xlsx">
              {t('导出 Excel', 'Excel')}
            </Button>
          </Space>
        </Space>
      )}
      <Modal
        open={asking}
        title={t('结算这张对账单？', 'Close this statement?')}
        onCancel={() => setAsking(false)}
        onOk={async () => {
          if (s && (await run('close', () => api.closeStatement(s.id), t('已结算', 'Closed')))) setAsking(false);
        }}
        okText={t('结算', 'Close')}
        okButtonProps={{ loading: busy === 'close', 'data-testid': 'statement-close-ok' }}
        destroyOnHidden
      >
        <Refusal error={error} testId="statement-close-error" />
        <Typography.Paragraph>
          {t(
            '结算会按当前的记录、价格和佣金比例最后计算一次，然后冻结这张对账单：之后不再重新计算。以后发生的退券、撤销或退款会作为“调整”出现在下一期的对账单里。只有期间已经结束的对账单才能结算。',
            'Closing computes it once more with today’s records, prices and rate, then freezes it: it is never recomputed. Later refunds appear as adjustments in the next period. Only a period that has ended can be closed.',
          )}
        </Typography.Paragraph>
        {s?.flagged && (
          <Alert type="warning" showIcon title={t('这张对账单有无价格的行，结算后按 0 计价不再改变。', 'It has unpriced lines: they stay at 0 once closed.')} />
        )}
      </Modal>
    </Drawer>
  );
}
