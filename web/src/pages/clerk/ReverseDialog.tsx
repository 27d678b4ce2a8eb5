import { useEffect, useState } from 'react';
import { Alert, Input, Modal, Radio, Space } from 'antd';
import type { Client } from '../../api';
import type { RedemptionWithCard } from '../../api/types';
import { useT } from '../../i18n';
import { givesBackInWords, takenInWords, type Taken } from '../../taken';
import { ProblemMessage } from '../../problems';

/** The redemption to reverse, as the clerk reads it: which card, whose, what it took. */
export interface ReverseTarget extends Taken {
  id: string;
  template_name: string | null;
  code_tail: string | null;
  member_name: string | null;
}

const REASONS: [string, string][] = [
  ['顾客取消或退单', 'Customer cancelled or returned the order'],
  ['核销错了卡券', 'Redeemed the wrong card'],
  ['金额或次数填错', 'Wrong amount or number of uses'],
  ['重复核销', 'Redeemed twice'],
];
const OTHER = 'other';

/**
 * 撤销核销: says which redemption (card name, code tail, member, what it took) and what the card gets
 * back, and asks why — a common reason or the clerk's own words; reversing waits for one. The reason
 * goes with the reversal (its event and the audit log).
 */
export function ReverseDialog(props: {
  api: Client;
  target: ReverseTarget | null;
  currency: string;
  onDone: (r: RedemptionWithCard) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const r = props.target;
  useEffect(() => {
    setChoice(null);
    setOther('');
    setError(null);
  }, [r?.id]);
  const reason = choice === OTHER ? other.trim() : choice;

  const ok = async () => {
    if (!r || !reason) return;
    setBusy(true);
    setError(null);
    try {
      props.onDone(await props.api.reverse(r.id, reason));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!r}
      title={t('撤销这笔核销？', 'Reverse this redemption?')}
      okText={t('撤销核销', 'Reverse')}
      okButtonProps={{ danger: true, disabled: !reason, loading: busy, ...{ 'data-testid': 'reverse-ok' } }}
      cancelText={t('不撤销', 'Keep it')}
      onOk={ok}
      onCancel={props.onClose}
      destroyOnHidden
      data-testid="reverse-dialog"
    >
      {r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div data-testid="reverse-what">
            <b>{r.template_name ?? t('卡券', 'Card')}</b>
            {r.code_tail && <span className="kq-mono"> ···{r.code_tail}</span>}
            {r.member_name && ` · ${r.member_name}`}
            <div>
              {t('本次', 'It took')} {takenInWords(t, r, props.currency)}
            </div>
            <div>
              <b>{givesBackInWords(t, r, props.currency)}</b>
            </div>
          </div>
          <div style={{ marginTop: 8 }}>{t('撤销原因（必填）', 'Why (required)')}</div>
          <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="reverse-reasons">
            <Space direction="vertical">
              {REASONS.map(([zh, en]) => (
                <Radio key={zh} value={t(zh, en)}>
                  {t(zh, en)}
                </Radio>
              ))}
              <Radio value={OTHER}>{t('其他', 'Other')}</Radio>
            </Space>
          </Radio.Group>
          {choice === OTHER && (
            <Input.TextArea
              autoFocus
              rows={2}
              maxLength={200}
              placeholder={t('请写明原因', 'Say why')}
              value={other}
              onChange={(e) => setOther(e.target.value)}
              data-testid="reverse-other"
            />
          )}
          {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="reverse-error" />}
        </Space>
      )}
    </Modal>
  );
}
