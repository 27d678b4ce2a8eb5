import { useState } from 'react';
import { Alert, Button, Input, Space } from 'antd';
import { ApiError, report, type Client } from '../../api';
import { useT } from '../../i18n';

export type OtpProof = { challenge_id: string; code: string };

/** The 428 OTP_REQUIRED answer as the till reads it: where the code went, and the challenge to answer. */
export const otpAsked = (e: unknown): { challenge_id: string; phone_last4: string } | null =>
  e instanceof ApiError && e.code === 'OTP_REQUIRED' && typeof e.fields.challenge_id === 'string'
    ? { challenge_id: e.fields.challenge_id, phone_last4: String(e.fields.phone_last4 ?? '') }
    : null;

/**
 * 短信二次验证 at the till: the member reads the 6 digits the SMS brought; the clerk types them and the
 * same redemption is sent again with them (otp). 重新发送 asks for a new code (at most once a minute).
 */
export function OtpEntry({
  api,
  asked,
  busy,
  onSubmit,
}: {
  api: Client;
  asked: { challenge_id: string; phone_last4: string };
  busy: boolean;
  onSubmit: (p: OtpProof) => void;
}) {
  const t = useT();
  const [code, setCode] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const ok = /^\d{6}$/.test(code);
  return (
    <Alert
      type="info"
      showIcon
      data-testid="clerk-otp"
      title={t(`已向尾号${asked.phone_last4}的手机发送验证码`, `A code was sent to the phone ending ${asked.phone_last4}`)}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('请顾客告知短信中的 6 位验证码（5 分钟内有效）。', 'Ask the customer for the 6 digits in the SMS (good for 5 minutes).')}</span>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              size="large"
              inputMode="numeric"
              maxLength={6}
              className="kq-mono"
              placeholder={t('6 位验证码', '6-digit code')}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              onPressEnter={() => ok && onSubmit({ challenge_id: asked.challenge_id, code })}
              data-testid="clerk-otp-code"
            />
            <Button
              size="large"
              type="primary"
              disabled={!ok}
              loading={busy}
              onClick={() => onSubmit({ challenge_id: asked.challenge_id, code })}
              data-testid="clerk-otp-submit"
            >
              {t('验证并核销', 'Verify and redeem')}
            </Button>
          </Space.Compact>
          <Button
            type="link"
            size="small"
            onClick={() =>
              api
                .resendOtp(asked.challenge_id)
                .then(() => setNote(t('已重新发送', 'Sent again')))
                .catch(report)
            }
          >
            {t('重新发送', 'Send again')}
          </Button>
          {note && <span className="kq-muted">{note}</span>}
        </Space>
      }
    />
  );
}
