import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card as Panel, Empty, Input, InputNumber, List, Modal, Result, Space, Tag } from 'antd';
import { CameraOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { ApiError, report, type Client } from '../../api';
import type { CheckResult, Me, Redemption, RedemptionWithCard, RedeemBody } from '../../api/types';
import { useName, useT } from '../../i18n';
import { money, num, time } from '../../format';
import { rulesInWords } from '../../rules';
import { CardFace } from '../../components/CardFace';
import { Scanner } from '../../components/Scanner';

/** Scan or type → check (can it be redeemed here, now, and why not) → enter amount/uses → confirm → receipt. */
export function Redeem({ api, me, storeId, storeName }: { api: Client; me: Me; storeId: string; storeName: (id: string | null) => string }) {
  const t = useT();
  const name = useName();
  const cur = me.tenant.currency;
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [order, setOrder] = useState<number | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [uses, setUses] = useState<number | null>(1);
  const [pin, setPin] = useState('');
  const [needPin, setNeedPin] = useState(false); // the card has a PIN: the API says so before it shows anything of it
  const [approval, setApproval] = useState(''); // 审批码: an operator's approval for a high-value redemption
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<RedemptionWithCard | null>(null);
  const [recent, setRecent] = useState<Redemption[]>([]);
  const seq = useRef(0);

  const loadRecent = () =>
    api
      .redemptions({ store_id: storeId, limit: 10 })
      .then((p) => setRecent(p.data))
      .catch(report);
  useEffect(() => {
    loadRecent();
  }, [storeId]);

  const body = (c = code): RedeemBody => {
    const k = check?.card.kind;
    return {
      code: c,
      store_id: storeId,
      ...(order != null ? { order_amount: Math.round(order * 100) } : {}),
      ...((k === 'stored_value' || k === 'gift') && amount != null ? { amount: Math.round(amount * 100) } : {}),
      ...((k === 'count' || k === 'periodic') && uses ? { uses } : {}),
      ...(pin ? { pin } : {}),
      ...(approval.trim() ? { approval_id: approval.trim().toLowerCase() } : {}),
    };
  };
  const runCheck = async (c = code) => {
    if (!c.trim()) return;
    const mine = ++seq.current;
    setCheckError(null);
    setReceipt(null);
    try {
      const r = await api.check(body(c));
      if (mine === seq.current) setCheck(r);
    } catch (e) {
      if (mine !== seq.current) return;
      setCheck(null);
      if (e instanceof ApiError && e.code === 'PIN_INVALID') setNeedPin(true);
      setCheckError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  // re-check as the clerk fills in the order: the answer says whether it can be redeemed now
  useEffect(() => {
    if (check || needPin) {
      const h = setTimeout(() => runCheck(), 300);
      return () => clearTimeout(h);
    }
  }, [order, amount, uses, pin, approval]);

  const confirm = async () => {
    setBusy(true);
    ++seq.current; // a re-check still in flight would answer for the card as it was before this redemption
    try {
      const r = await api.redeem(body());
      ++seq.current;
      setReceipt(r);
      setCheck(null);
      setCode('');
      setOrder(null);
      setAmount(null);
      setUses(1);
      setPin('');
      setNeedPin(false);
      setApproval('');
      loadRecent();
    } catch (e) {
      report(e);
      runCheck();
    } finally {
      setBusy(false);
    }
  };
  const reverse = (r: Redemption) =>
    Modal.confirm({
      title: t('撤销这笔核销？', 'Reverse this redemption?'),
      content: t(
        `卡券将恢复 ${r.amount ? money(r.amount, cur) : `${r.uses} 次`}`,
        `The card gets back ${r.amount ? money(r.amount, cur) : `${r.uses} use(s)`}`,
      ),
      okText: t('撤销核销', 'Reverse'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api.reverse(r.id);
          setReceipt(null);
          loadRecent();
        } catch (e) {
          report(e);
        }
      },
    });
  const windowMs = me.tenant.reverse_window_minutes * 60_000;
  const k = check?.card.kind;

  return (
    <>
      <Panel size="small" title={t('扫码或输入券码', 'Scan or type the code')}>
        {scanning ? (
          <Scanner
            onCode={(c) => {
              setScanning(false);
              setCode(c);
              setApproval('');
              runCheck(c);
            }}
            onClose={() => setScanning(false)}
          />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button type="primary" size="large" block icon={<CameraOutlined />} onClick={() => setScanning(true)}>
              {t('扫码', 'Scan')}
            </Button>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                size="large"
                className="kq-mono"
                placeholder={t('输入券码', 'Type the code')}
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setApproval('');
                  setNeedPin(false);
                  setPin('');
                }}
                onPressEnter={() => runCheck()}
                allowClear
                data-testid="clerk-code"
              />
              <Button size="large" onClick={() => runCheck()} data-testid="clerk-check">
                {t('查询', 'Check')}
              </Button>
            </Space.Compact>
            {(needPin || k === 'gift') && (
              <Input.Password
                size="large"
                placeholder={t('卡密 / 礼品卡密码', 'Card PIN')}
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                onPressEnter={() => runCheck()}
                data-testid="clerk-pin"
              />
            )}
          </Space>
        )}
      </Panel>

      {checkError && <Alert type="error" showIcon title={checkError} data-testid="clerk-error" />}

      {check && (
        <Panel size="small" data-testid="clerk-card">
          <CardFace
            kind={check.card.kind}
            name={check.template.name}
            value={check.template.value}
            tail={check.card.code_tail}
            live={check.card}
            dim={!check.redeemable}
            foot={name('state', check.card.state)}
          />
          <div style={{ margin: '12px 0' }} data-testid="clerk-verdict">
            {check.redeemable ? (
              <Alert
                type="success"
                showIcon
                icon={<CheckCircleFilled />}
                title={t('可以在本店核销', 'Can be redeemed here now')}
                description={
                  check.take
                    ? t(
                        `本次优惠/扣减 ${money(check.take.value, cur)}${check.take.uses ? `，${check.take.uses} 次` : ''}`,
                        `This takes ${money(check.take.value, cur)}${check.take.uses ? `, ${check.take.uses} use(s)` : ''}`,
                      )
                    : undefined
                }
              />
            ) : (
              <Alert
                type="error"
                showIcon
                icon={<CloseCircleFilled />}
                title={t('暂不能核销', 'Cannot be redeemed now')}
                description={
                  <span>
                    {check.message} <Tag>{check.code}</Tag>
                  </span>
                }
              />
            )}
          </div>
          <ul style={{ paddingInlineStart: 18, margin: '0 0 12px', color: 'rgba(0,0,0,.65)' }}>
            {rulesInWords(t, check.template.kind, check.template.value, check.template.validity, check.template.rules, storeName).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <Space direction="vertical" style={{ width: '100%' }}>
            {(k === 'stored_value' || k === 'gift') && (
              <>
                <div className="kq-muted">
                  {t('余额', 'Balance')} <b style={{ color: '#000' }}>{money(check.card.balance, cur)}</b>
                </div>
                <InputNumber
                  size="large"
                  style={{ width: '100%' }}
                  min={0.01}
                  precision={2}
                  prefix="¥"
                  placeholder={t('扣减金额', 'Amount to take')}
                  value={amount}
                  onChange={setAmount}
                  data-testid="clerk-amount"
                />
              </>
            )}
            {(k === 'count' || k === 'periodic') && (
              <>
                <div className="kq-muted">
                  {t('剩余次数', 'Uses left')} <b style={{ color: '#000' }}>{num(check.card.uses_left)}</b>
                </div>
                <InputNumber
                  size="large"
                  style={{ width: '100%' }}
                  min={1}
                  max={check.card.uses_left || 1}
                  addonBefore={t('核销次数', 'Uses')}
                  value={uses}
                  onChange={setUses}
                  data-testid="clerk-uses"
                />
              </>
            )}
            {(check.code === 'VERIFICATION_REQUIRED' || approval) && (
              <Input
                size="large"
                className="kq-mono"
                allowClear
                addonBefore={t('审批码', 'Approval id')}
                placeholder={t('向运营索取审批码（apr_…）', 'Ask an operator for an approval id (apr_…)')}
                value={approval}
                onChange={(e) => setApproval(e.target.value)}
                data-testid="clerk-approval"
              />
            )}
            {k !== 'external' && (
              <InputNumber
                size="large"
                style={{ width: '100%' }}
                min={0}
                precision={2}
                prefix="¥"
                placeholder={t('订单金额（用于满减与统计）', 'Order amount (minimum spend, reports)')}
                value={order}
                onChange={setOrder}
                data-testid="clerk-order"
              />
            )}
            <Button type="primary" size="large" block disabled={!check.redeemable} loading={busy} onClick={confirm} data-testid="clerk-confirm">
              {t('确认核销', 'Confirm redemption')}
            </Button>
          </Space>
        </Panel>
      )}

      {receipt && (
        <Panel size="small" data-testid="clerk-receipt">
          <Result
            status="success"
            style={{ padding: '12px 0' }}
            title={t('核销成功', 'Redeemed')}
            subTitle={
              <div>
                <div>
                  {t('优惠/扣减', 'Value')}: <b>{money(receipt.amount, cur)}</b>
                  {receipt.card.kind === 'count' || receipt.card.kind === 'periodic' ? ` · ${t('次数', 'uses')} ${receipt.uses}` : ''}
                </div>
                {receipt.order_amount != null && (
                  <div>
                    {t('订单金额', 'Order')}: {money(receipt.order_amount, cur)}
                  </div>
                )}
                <div>
                  {t('卡券剩余', 'Card now')}:{' '}
                  {receipt.card.kind === 'stored_value' || receipt.card.kind === 'gift'
                    ? money(receipt.card.balance, cur)
                    : receipt.card.kind === 'count' || receipt.card.kind === 'periodic'
                      ? t(`${receipt.card.uses_left} 次`, `${receipt.card.uses_left} uses`)
                      : name('state', receipt.card.state)}
                </div>
                <div className="kq-muted kq-mono" style={{ fontSize: 12 }}>
                  {receipt.id} · {time(receipt.created_at)}
                </div>
              </div>
            }
            extra={
              <Button danger onClick={() => reverse(receipt)} data-testid="clerk-reverse-receipt">
                {t('撤销这笔核销', 'Reverse it')}
              </Button>
            }
          />
        </Panel>
      )}

      <Panel size="small" title={t('最近核销', 'Recent redemptions')}>
        {recent.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            dataSource={recent}
            data-testid="clerk-recent"
            renderItem={(r) => {
              const reversible = r.status === 'done' && Date.now() - new Date(r.created_at).getTime() < windowMs;
              return (
                <List.Item
                  actions={
                    reversible
                      ? [
                          <Button key="rev" size="small" onClick={() => reverse(r)}>
                            {t('撤销', 'Reverse')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {money(r.amount, cur)}
                        {r.uses > 1 || (r.uses && !r.amount) ? ` · ${r.uses}${t('次', ' use(s)')}` : ''}{' '}
                        {r.status === 'reversed' && <Tag>{t('已撤销', 'Reversed')}</Tag>}
                      </span>
                    }
                    description={time(r.created_at)}
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Panel>
    </>
  );
}
