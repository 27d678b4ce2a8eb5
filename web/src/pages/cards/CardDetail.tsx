import { useEffect, useState } from 'react';
import { Alert, Button, Card as Panel, Col, Descriptions, Empty, Input, InputNumber, Popconfirm, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Approval, Card, Template, Trace } from '../../api/types';
import { useName, useT } from '../../i18n';
import { money, num, time } from '../../format';
import { rulesInWords, validityWords } from '../../rules';
import { actorWords, Copyable, Named } from '../../names';
import { takenInWords } from '../../taken';
import { CardFace } from '../../components/CardFace';
import { useConsole } from '../../apps/Console';
import { TopUpDialog } from './TopUpDialog';
import { CardRiskDecisions } from '../risk/CardRiskDecisions';
import { CardPasses } from './CardPasses';

export const STATE_COLORS: Record<string, string> = { active: 'green', unissued: 'default', frozen: 'blue', used: 'default', expired: 'orange', voided: 'red' };

/** One card: state, what is left, its rules in words, its whole life (trace), and what an operator may do to it. */
export function CardDetail({ cardId, onChanged }: { cardId: string; onChanged?: (c: Card) => void }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [tpl, setTpl] = useState<Template | null>(null);
  const [topUp, setTopUp] = useState(false);
  const [reason, setReason] = useState('');
  const [maxAmount, setMaxAmount] = useState<number | null>(null);
  const [approval, setApproval] = useState<Approval | null>(null);
  const canManage = me.can.includes('cards.manage');
  const canReverse = me.can.includes('cards.redeem'); // the action POST /v1/redemptions/{id}/reverse asks for
  const cur = me.tenant.currency;

  const load = async () => {
    try {
      const tr = await api.trace(cardId);
      setTrace(tr);
      setTpl(await api.template(tr.card.template_id));
    } catch (e) {
      report(e);
    }
  };
  useEffect(() => {
    load();
  }, [cardId]);
  if (!trace) return <Panel loading />;
  const c = trace.card;
  const tz = me.tenant.time_zone;
  // every id in the trace comes with its name (the server's `names`): people read names, copy ids
  const named = (id: string | null) => <Named id={id} name={id ? trace.names[id] : null} />;
  const act = async (change: Promise<Card>) => {
    try {
      const card = await change;
      onChanged?.(card);
      await load();
    } catch (e) {
      report(e);
    }
  };
  const reverse = async (id: string) => {
    try {
      const r = await api.reverse(id);
      onChanged?.(r.card);
      await load();
    } catch (e) {
      report(e);
    }
  };
  const stored = c.kind === 'stored_value' || c.kind === 'gift';
  /** A redemption's or reversal's event in words: what it took (uses as uses) and, for a reversal, why. */
  const eventTaken = (type: string, data: unknown) => {
    const d = (data ?? {}) as { amount?: number; uses?: number; stamps?: number; reason?: string | null };
    if (!['redeemed', 'stamped', 'reversed'].includes(type)) return null;
    const taken = takenInWords(t, { kind: c.kind, amount: d.amount ?? 0, uses: d.uses ?? 0, stamps: d.stamps ?? 0 }, cur, { worth: true });
    return type === 'reversed' ? `${t('恢复', 'gave back')} ${taken}${d.reason ? ` · ${t(`原因：${d.reason}`, `why: ${d.reason}`)}` : ''}` : taken;
  };
  const approve = async () => {
    try {
      setApproval(await api.approve(c.id, maxAmount ? { max_amount: Math.round(maxAmount * 100) } : {}));
      setMaxAmount(null);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Row gutter={16} data-testid="card-detail">
      {topUp && (
        <TopUpDialog
          card={c}
          template={tpl}
          onClose={() => setTopUp(false)}
          onDone={(r) => {
            setTopUp(false);
            act(Promise.resolve(r));
          }}
        />
      )}
      <Col xs={24} lg={9}>
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          {tpl && (
            <CardFace
              kind={c.kind}
              name={tpl.name}
              value={tpl.value}
              rules={tpl.rules}
              tz={tz}
              tail={c.code_tail}
              dim={c.state !== 'active'}
              live={c}
              foot={name('state', c.state)}
            />
          )}
          <Panel size="small" title={t('状态', 'State')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('状态', 'State')}>
                <Tag color={STATE_COLORS[c.state]} data-testid="card-state">
                  {name('state', c.state)}
                </Tag>
                {c.state_reason && (
                  <span className="kq-muted">
                    {c.state_reason === 'gift_pending'
                      ? t('会员转赠中，等待好友领取', 'Offered to a friend by the member')
                      : c.state_reason.startsWith('review:')
                        ? t(`人工审核中（${c.state_reason.slice(7)}），审核结束前不能使用`, `Held for review (${c.state_reason.slice(7)}) until it is decided`)
                        : c.state_reason}
                  </span>
                )}
              </Descriptions.Item>
              {stored && (
                <Descriptions.Item label={t('余额', 'Balance')}>
                  <b data-testid="card-balance">{money(c.balance, cur)}</b>
                </Descriptions.Item>
              )}
              {(c.kind === 'count' || c.kind === 'periodic') && (
                <Descriptions.Item label={t('剩余次数', 'Uses left')}>
                  <b data-testid="card-uses">{num(c.uses_left)}</b>
                  {c.period_no ? t(`（第 ${c.period_no} 期）`, ` (period ${c.period_no})`) : ''}
                </Descriptions.Item>
              )}
              {c.kind === 'stamp' && <Descriptions.Item label={t('已集点数', 'Stamps')}>{c.stamps}</Descriptions.Item>}
              <Descriptions.Item label={t('有效期', 'Valid')}>
                {tpl ? validityWords(t, tpl, tz, c) : '—'}
                {c.valid_until && <span className="kq-muted">{t(`（截止 ${time(c.valid_until)}）`, ` (ends ${time(c.valid_until)})`)}</span>}
              </Descriptions.Item>
              <Descriptions.Item label={t('会员', 'Member')}>
                <Named id={c.member_id} name={c.member_name} empty={t('未绑定（不记名券码）', 'Not bound (bearer code)')} testId="card-member" />
              </Descriptions.Item>
              <Descriptions.Item label={t('卡券 ID', 'Card id')}>
                <Copyable text={c.id} />
              </Descriptions.Item>
            </Descriptions>
          </Panel>
          {tpl && (
            <Panel size="small" title={t('使用规则', 'Rules')}>
              <ul style={{ paddingInlineStart: 18, margin: 0, lineHeight: 1.8 }}>
                {rulesInWords(t, tpl.kind, tpl.value, tpl.validity, tpl.rules, undefined, { tz, live: c }).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </Panel>
          )}
          {canManage && (
            <Panel size="small" title={t('操作', 'Actions')}>
              <Space wrap>
                <Input placeholder={t('原因（可选）', 'Reason (optional)')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 220 }} />
                {c.state === 'active' && (
                  <Popconfirm
                    title={t('冻结后无法核销，确定？', 'A frozen card cannot be redeemed. Freeze?')}
                    onConfirm={() => act(api.freeze(c.id, reason ? { reason } : {}))}
                  >
                    <Button data-testid="freeze">{t('冻结', 'Freeze')}</Button>
                  </Popconfirm>
                )}
                {c.state === 'frozen' && (
                  <Button onClick={() => act(api.unfreeze(c.id))} data-testid="unfreeze">
                    {t('解冻', 'Unfreeze')}
                  </Button>
                )}
                {['active', 'frozen', 'unissued'].includes(c.state) && (
                  <Popconfirm
                    title={t('作废不可恢复，剩余价值将核销入账。确定？', 'Voiding cannot be undone; what is left is written off. Void?')}
                    onConfirm={() => act(api.void(c.id, reason ? { reason } : {}))}
                    okButtonProps={{ danger: true }}
                  >
                    <Button danger data-testid="void">
                      {t('作废', 'Void')}
                    </Button>
                  </Popconfirm>
                )}
                {stored && c.state === 'active' && (
                  <Button onClick={() => setTopUp(true)} data-testid="topup-open">
                    {t('充值', 'Top up')}
                  </Button>
                )}
              </Space>
            </Panel>
          )}
          {me.can.includes('codes.export') && c.state !== 'unissued' && <CardPasses api={api} cardId={c.id} />}
          {canManage && tpl?.rules.verification && ['active', 'frozen'].includes(c.state) && (
            <Panel size="small" title={t('高额核销审批', 'Approve a high-value redemption')} data-testid="approval-panel">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {t(
                    '这张卡的高额核销需要运营审批：生成审批码交给店员，15 分钟内单次有效。',
                    'High-value redemptions of this card need an operator’s approval: give the clerk the approval id; it works once, within 15 minutes.',
                  )}
                </Typography.Text>
                <Space.Compact>
                  <InputNumber
                    min={0.01}
                    precision={2}
                    prefix="¥"
                    placeholder={t('最高金额（可选）', 'Up to (optional)')}
                    value={maxAmount}
                    onChange={setMaxAmount}
                    style={{ width: 180 }}
                    data-testid="approval-max"
                  />
                  <Popconfirm title={t('确认批准这张卡的一笔高额核销？', 'Approve one high-value redemption of this card?')} onConfirm={approve}>
                    <Button type="primary" icon={<SafetyCertificateOutlined />} data-testid="approve">
                      {t('批准', 'Approve')}
                    </Button>
                  </Popconfirm>
                </Space.Compact>
                {approval && (
                  <Alert
                    type="success"
                    showIcon
                    data-testid="approval-result"
                    title={
                      <span>
                        {t('审批码', 'Approval id')}: <Copyable text={approval.id} strong testId="approval-id" />
                      </span>
                    }
                    description={t(
                      `有效至 ${time(approval.expires_at)}，单次有效${approval.max_amount != null ? `，最高 ${money(approval.max_amount, cur)}` : ''}。请交给店员在核销时填写。`,
                      `Valid until ${time(approval.expires_at)}, once${approval.max_amount != null ? `, up to ${money(approval.max_amount, cur)}` : ''}. The clerk enters it when redeeming.`,
                    )}
                  />
                )}
              </Space>
            </Panel>
          )}
        </Space>
      </Col>
      <Col xs={24} lg={15}>
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Panel size="small" title={t('核销记录', 'Redemptions')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={[...trace.redemptions].reverse()}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              columns={[
                { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
                { title: t('门店', 'Store'), dataIndex: 'store_id', render: named },
                { title: t('订单金额', 'Order'), dataIndex: 'order_amount', align: 'right', render: (v: number | null) => money(v, cur) },
                // what it took as this card counts it: uses as uses (a count card's worth beside them), stamps, money
                {
                  title: t('本次', 'Took'),
                  key: 'taken',
                  align: 'right',
                  render: (_: unknown, r) => takenInWords(t, { ...r, kind: c.kind }, cur, { worth: true }),
                },
                {
                  title: t('状态', 'Status'),
                  dataIndex: 'status',
                  render: (s: string) => (s === 'done' ? <Tag color="green">{t('已核销', 'Done')}</Tag> : <Tag>{t('已撤销', 'Reversed')}</Tag>),
                },
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r) =>
                    r.status === 'done' &&
                    canReverse && (
                      <Popconfirm title={t('撤销这笔核销？', 'Reverse this redemption?')} onConfirm={() => reverse(r.id)}>
                        <Button size="small" data-testid={`reverse-${r.id}`}>
                          {t('撤销核销', 'Reverse')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </Panel>
          <CardRiskDecisions decisions={trace.risk_decisions} names={trace.names} />
          <Panel size="small" title={t('卡券轨迹', 'Trace')}>
            <Timeline
              data-testid="trace"
              items={trace.events.map((e) => ({
                color:
                  e.event_type === 'redeemed'
                    ? 'green'
                    : e.event_type === 'reversed' || e.event_type === 'voided'
                      ? 'red'
                      : e.event_type === 'frozen'
                        ? 'gray'
                        : 'blue',
                content: (
                  <div data-testid={`trace-${e.event_type}`}>
                    <b>{t(e.zh, e.en)}</b> <span className="kq-muted">{time(e.created_at)}</span>
                    {eventTaken(e.event_type, e.data) && <div data-testid="trace-taken">{eventTaken(e.event_type, e.data)}</div>}
                    <div className="kq-muted kq-trace-facts" style={{ fontSize: 12 }}>
                      {e.store_id && (
                        <span>
                          {t('门店', 'Store')} {named(e.store_id)}
                        </span>
                      )}
                      {e.member_id && (
                        <span>
                          {t('会员', 'Member')} {named(e.member_id)}
                        </span>
                      )}
                      {e.channel_id && (
                        <span>
                          {t('渠道', 'Channel')} {named(e.channel_id)}
                        </span>
                      )}
                      {e.key_id && (
                        <span data-testid="trace-actor">
                          {t(`操作人 ${actorWords(t, e.key_id, e.actor_name)}`, `By ${actorWords(t, e.key_id, e.actor_name)}`)}
                        </span>
                      )}
                    </div>
                  </div>
                ),
              }))}
            />
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('流水', 'Ledger')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={trace.ledger}
              columns={[
                { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
                { title: t('类型', 'Entry'), dataIndex: 'entry_type', render: (v: string) => name('ledger', v) },
                { title: t('金额', 'Amount'), dataIndex: 'amount', align: 'right', render: (v: number) => money(v, cur) },
                { title: t('次数', 'Uses'), dataIndex: 'uses', align: 'right' },
                { title: t('点数', 'Stamps'), dataIndex: 'stamps', align: 'right' },
              ]}
            />
          </Panel>
        </Space>
      </Col>
    </Row>
  );
}
