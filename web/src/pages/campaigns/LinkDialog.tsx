import { useEffect, useState } from 'react';
import { Button, Input, Modal, Space, Typography, message } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import type { Campaign } from '../../api/campaigns';
import { useT } from '../../i18n';

/**
 * 活动链接与二维码: the claim link opens the member's own wallet on the campaign (after they open their
 * wallet link once, the wallet remembers them); print the QR code in store or send the link.
 */
export function LinkDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(campaign.url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then(setQr, () => setQr(null));
  }, [campaign.url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(campaign.url);
      message.success(t('链接已复制', 'Link copied'));
    } catch {
      message.info(t('请手动选中链接复制', 'Select the link to copy it'));
    }
  };
  return (
    <Modal open title={t(`活动链接：${campaign.name}`, `Campaign link: ${campaign.name}`)} onCancel={onClose} footer={null} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="campaign-link">
        <div style={{ textAlign: 'center' }}>
          {qr && <img src={qr} alt={t('活动二维码', 'Campaign QR code')} width={240} height={240} data-testid="campaign-qr" />}
          <div className="kq-muted">{t('会员扫码后在自己的钱包里领取', 'Members scan it and claim in their own wallet')}</div>
        </div>
        <Input.TextArea readOnly autoSize value={campaign.url} className="kq-mono" data-testid="campaign-url" />
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="campaign-copy">
          {t('复制链接', 'Copy the link')}
        </Button>
        {campaign.state !== 'live' && (
          <Typography.Text type="warning">
            {t('活动上线且在活动时间内，会员才能领取。', 'Members can claim once the campaign is live and within its window.')}
          </Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
