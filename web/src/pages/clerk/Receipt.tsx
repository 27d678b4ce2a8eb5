import { useState } from 'react';
import { Alert, Button, Card as Panel, Result } from 'antd';
import type { Client } from '../../api';
import type { RedemptionWithCard } from '../../api/types';
import { useName, useT } from '../../i18n';
import { money, time } from '../../format';
import { BALANCE_KINDS, USES_KINDS, stampProgress, takenInWords } from '../../taken';
import { ReverseDialog } from './ReverseDialog';

/** A redemption just made, with what the till knew of its card when it was confirmed. */
export interface Done {
  r: RedemptionWithCard;
  templateName: string;
  memberName: string | null;
  goal: number | null; // a stamp card's goal
  rewardName: string | null; // a stamp card's reward template, by name
  /** the first answer was lost: the till confirmed it with the same key */
  afterLoss: boolean;
}

/** 核销成功: what was taken, as the card counts it, what is left, and the undo. */
export function Receipt(props: { api: Client; done: Done; currency: string; onReversed: (r: RedemptionWithCard) => void }) {
  const t = useT();
  const name = useName();
  const [reversing, setReversing] = useState(false);
  const { r, goal } = props.done;
  const k = r.card.kind;
  const cur = props.currency;
  const taken = { kind: k, amount: r.amount, uses: r.uses, stamps: r.stamps };
  const left = BALANCE_KINDS.includes(k)
    ? t(`余额 ${money(r.card.balance, cur)}`, `balance ${money(r.card.balance, cur)}`)
    : USES_KINDS.includes(k)
      ? t(`剩余 ${r.card.uses_left} 次`, `${r.card.uses_left} uses left`)
      : k === 'stamp'
        ? null
        : name('state', r.card.state);

  return (
    <Panel size="small" data-testid="clerk-receipt">
      <Result
        status="success"
        style={{ padding: '12px 0' }}
        title={t('核销成功', 'Redeemed')}
        subTitle={
          <div style={{ color: 'rgba(0,0,0,.75)' }}>
            <div>
              {props.done.templateName} <span className="kq-mono">···{r.card.code_tail}</span>
              {props.done.memberName && ` · ${props.done.memberName}`}
            </div>
            <div style={{ fontSize: 20, fontWeight: 600, color: '#000', margin: '6px 0' }} data-testid="receipt-taken">
              {k === 'stamp' && goal
                ? stampProgress(r.card.stamps, r.stamps, goal, !!r.reward_card_id)
                : USES_KINDS.includes(k)
                  ? t(`核销 ${r.uses} 次`, `${r.uses} use${r.uses === 1 ? '' : 's'} redeemed`)
                  : takenInWords(t, taken, cur)}
            </div>
            {left && <div data-testid="receipt-left">{left}</div>}
            {k === 'stamp' && props.done.rewardName && (
              <div data-testid="receipt-reward">
                {r.reward_card_id
                  ? t(`集满 ${goal} 点，已发放奖励：${props.done.rewardName}`, `Goal reached: ${props.done.rewardName} issued to the member`)
                  : t(`集满 ${goal} 点送：${props.done.rewardName}`, `${goal} stamps earn: ${props.done.rewardName}`)}
              </div>
            )}
            {r.order_amount != null && (
              <div>
                {t('订单金额', 'Order')}: {money(r.order_amount, cur)}
              </div>
            )}
            {props.done.afterLoss && (
              <Alert
                style={{ marginTop: 8, textAlign: 'left' }}
                type="info"
                showIcon
                data-testid="receipt-after-loss"
                title={t('网络中断后已确认：这笔核销成功，且只核销了一次', 'Confirmed after the network dropped: redeemed, and only once')}
              />
            )}
            <div className="kq-muted" style={{ fontSize: 12, marginTop: 6 }}>
              {time(r.created_at)}
            </div>
          </div>
        }
        extra={
          <Button danger onClick={() => setReversing(true)} data-testid="clerk-reverse-receipt">
            {t('撤销这笔核销', 'Reverse it')}
          </Button>
        }
      />
      <ReverseDialog
        api={props.api}
        currency={cur}
        target={
          reversing ? { id: r.id, ...taken, template_name: props.done.templateName, code_tail: r.card.code_tail, member_name: props.done.memberName } : null
        }
        onClose={() => setReversing(false)}
        onDone={(x) => {
          setReversing(false);
          props.onReversed(x);
        }}
      />
    </Panel>
  );
}
