import { useEffect, useState } from 'react';
import { Alert, Button, Input, InputNumber, Modal, Popconfirm, Space, Typography, message } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { report } from '../../api';
import type { Member, WalletLink } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';

/**
 * 钱包链接: a signed link that opens the member's wallet, as a QR code the member scans at the counter
 * (or the link, to send). The link is the credential; 作废旧链接 makes every earlier one stop working.
 */
export function WalletLinkDialog({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [ttl, setTtl] = useState(72);
  const [link, setLink] = useState<WalletLink | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    setLink(null);
    setQr(null);
  }, [member]);
  useEffect(() => {
    if (link) QRCode.toDataURL(link.url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [link]);
  if (!member) return null;
  const who =
    member.name ?? (member.phone_last4 ? t(`尾号 ${member.phone_last4} 的会员`, `the member ending ${member.phone_last4}`) : t('该会员', 'this member'));

  const make = async () => {
    try {
      setLink(await api.walletLink(member.id, { ttl_hours: ttl }));
    } catch (e) {
      report(e);
    }
  };
  const revoke = async () => {
    try {
      await api.revokeWalletLinks(member.id);
      setLink(null);
      message.success(t('此前生成的钱包链接已全部作废', 'Every earlier wallet link has stopped working'));
    } catch (e) {
      report(e);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link!.url);
      message.success(t('链接已复制', 'Link copied'));
    } catch {
      message.info(t('请手动选中链接复制', 'Select the link to copy it'));
    }
  };

  return (
    <Modal open title={t('会员钱包', 'Member wallet')} onCancel={onClose} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t(`为 ${who} 生成钱包二维码：会员用手机扫码即可打开自己的卡券。`, `A wallet QR code for ${who}: scanning it with their phone opens their cards.`)}
        </Typography.Text>
        <Space wrap>
          <span>{t('有效期（小时）', 'Valid for (hours)')}</span>
          <InputNumber min={1} max={8760} value={ttl} onChange={(v) => setTtl(v ?? 72)} />
          <Button type="primary" icon={<QrcodeOutlined />} onClick={make} data-testid="make-wallet-link">
            {link ? t('重新生成', 'Make another') : t('生成二维码', 'Make the QR code')}
          </Button>
        </Space>
        {link && (
          <>
            <div style={{ textAlign: 'center' }}>
              {qr && <img src={qr} alt={t('钱包二维码', 'Wallet QR code')} width={240} height={240} data-testid="wallet-link-qr" />}
              <div className="kq-muted">{t('请会员用微信或手机相机扫码', 'The member scans it with WeChat or the phone camera')}</div>
            </div>
            <Input.TextArea readOnly autoSize value={link.url} className="kq-mono" data-testid="wallet-link-url" />
            <Typography.Text type="secondary">
              {t(
                `有效至 ${time(link.expires_at)}。链接即凭证，只给会员本人扫码或发送。`,
                `Valid until ${time(link.expires_at)}. The link is the credential: show or send it to the member only.`,
              )}
            </Typography.Text>
            <Space>
              <Button onClick={copy}>{t('复制链接', 'Copy the link')}</Button>
              <Button href={link.url} target="_blank">
                {t('打开', 'Open')}
              </Button>
            </Space>
          </>
        )}
        <Alert
          type="info"
          showIcon
          title={t('链接由服务器密钥签名，过期或被篡改即失效。', 'Links are signed with a server key; expired or altered links stop working.')}
        />
        <Popconfirm
          title={t('作废此前生成的全部链接？', 'Revoke every link made so far?')}
          description={t('会员需要一个新链接才能再打开钱包。', 'The member will need a new link to open the wallet.')}
          okText={t('作废', 'Revoke')}
          okButtonProps={{ danger: true }}
          onConfirm={revoke}
        >
          <Button danger size="small" data-testid="revoke-wallet-links">
            {t('作废旧链接（手机丢失、发错人）', 'Revoke earlier links (lost phone, sent to the wrong person)')}
          </Button>
        </Popconfirm>
      </Space>
    </Modal>
  );
}
