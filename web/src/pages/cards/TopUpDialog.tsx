import { useEffect, useState } from 'react';
import { Alert, Descriptions, InputNumber, Modal, Space, Tag, Typography, message } from 'antd';
import { report } from '../../api';
import type { Card, Template } from '../../api/types';
import { useT } from '../../i18n';
import { money } from '../../format';
import { useConsole } from '../../apps/Console';
import { bonusFor, topUpInWords } from '../../topup';

export type ToppedUp = Card & { top_up: { paid: number; bonus: number; credited: number } };

/**
 * 充值 a stored-value or gift card at the counter: the amount paid, the template's bonus tier it reaches
 * ("充 ¥500 送 ¥50，到账 ¥550"), the balance before and after, and the cap. The server applies the bonus
 * in the same top-up; its answer is what the confirmation says.
 */
export function TopUpDialog({
  card,
  template,
  onClose,
  onDone,
}: {
  card: Card | null;
  template?: Template | null;
  onClose: () => void;
  onDone: (c: ToppedUp) => void;
}) {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const [tpl, setTpl] = useState<Template | null>(template ?? null);
  const [yuan, setYuan] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setYuan(null);
    if (!card) return;
    if (template && template.id === card.template_id) setTpl(template);
    else api.template(card.template_id).then(setTpl).catch(report);
  }, [card, template, api]);
  if (!card) return null;
  const amount = yuan ? Math.round(yuan * 100) : 0;
  const bonus = bonusFor(tpl?.rules, amount);
  const max = tpl?.value.max_balance;
  const after = card.balance + amount + bonus;
  const over = max != null && after > max;
  const tiers = [...(tpl?.rules.top_up_bonus ?? [])].sort((a, b) => a.min_amount - b.min_amount);

  const submit = async () => {
    setBusy(true);
    try {
      const r = await api.topUp(card.id, { amount });
      message.success(
        `${t('充值成功', 'Topped up')}：${topUpInWords(t, r.top_up.paid, r.top_up.bonus, cur)}，${t('余额', 'balance')} ${money(r.balance, cur)}`,
      );
      onDone(r);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`充值 · ${tpl?.name ?? ''}`, `Top up · ${tpl?.name ?? ''}`)}
      onCancel={onClose}
      onOk={submit}
      okText={amount ? t(`确认充值 ${money(amount, cur)}`, `Top up ${money(amount, cur)}`) : t('确认充值', 'Top up')}
      okButtonProps={{ disabled: !amount || over, loading: busy, 'data-testid': 'topup-confirm' } as any}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="topup-dialog">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('卡号尾号', 'Code ends')}>
            <span className="kq-mono">•••• {card.code_tail}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('当前余额', 'Balance now')}>{money(card.balance, cur)}</Descriptions.Item>
          {max != null && <Descriptions.Item label={t('余额上限', 'Balance cap')}>{money(max, cur)}</Descriptions.Item>}
        </Descriptions>
        {tiers.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('充值赠送（点选金额）：', 'Top-up bonus (tap an amount): ')}</Typography.Text>
            <Space wrap size={[4, 4]}>
              {tiers.map((x) => (
                <Tag.CheckableTag
                  key={x.min_amount}
                  checked={amount >= x.min_amount && bonus === x.bonus}
                  onChange={() => setYuan(x.min_amount / 100)}
                  data-testid={`topup-tier-${x.min_amount}`}
                >
                  {t(`充 ${money(x.min_amount, cur)} 送 ${money(x.bonus, cur)}`, `${money(x.min_amount, cur)} + ${money(x.bonus, cur)}`)}
                </Tag.CheckableTag>
              ))}
            </Space>
          </div>
        )}
        <InputNumber
          autoFocus
          size="large"
          min={0.01}
          max={1e9}
          precision={2}
          prefix="¥"
          placeholder={t('实收金额', 'Amount paid')}
          value={yuan}
          onChange={setYuan}
          style={{ width: '100%' }}
          data-testid="topup-amount"
        />
        {amount > 0 && (
          <Alert
            type={over ? 'error' : bonus ? 'success' : 'info'}
            showIcon
            data-testid="topup-summary"
            title={topUpInWords(t, amount, bonus, cur)}
            description={
              over
                ? t(
                    `充值后余额 ${money(after, cur)} 将超过上限 ${money(max, cur)}，请减少金额`,
                    `The balance would be ${money(after, cur)}, over the cap of ${money(max, cur)}: top up less`,
                  )
                : t(`余额 ${money(card.balance, cur)} → ${money(after, cur)}`, `Balance ${money(card.balance, cur)} → ${money(after, cur)}`)
            }
          />
        )}
      </Space>
    </Modal>
  );
}
