import { Card, Radio, Space } from 'antd';
import type { PointsSettings } from '../../api/types';
import { useT } from '../../i18n';

/** 积分设置: what a refund of points already spent does (GET/PUT /v1/points/settings). */
export function PointsSettingsCard({
  settings,
  canManage,
  onChange,
}: {
  settings: PointsSettings | null;
  canManage: boolean;
  onChange: (v: PointsSettings['refund_shortfall']) => void;
}) {
  const t = useT();
  return (
    <Card title={t('积分设置', 'Points settings')} style={{ marginTop: 24 }} size="small">
      <div style={{ marginBottom: 8 }}>
        {t('订单退款时，这笔订单赚的积分已被用掉：', 'When an order is refunded and the points it earned were already spent:')}
      </div>
      <Radio.Group
        value={settings?.refund_shortfall}
        disabled={!canManage || !settings}
        onChange={(e) => onChange(e.target.value)}
        data-testid="refund-shortfall"
      >
        <Space direction="vertical">
          <Radio value="other_lots">
            {t(
              '从会员的其他积分里扣回（不足的部分不再追扣，余额不会为负）',
              'Take it from the member’s other points (what they cannot cover is written off; never negative)',
            )}
          </Radio>
          <Radio value="negative">
            {t('记为欠分，余额可为负（之后获得的积分先抵扣欠分）', 'Owe it: the balance may go negative (the next points earned pay it first)')}
          </Radio>
        </Space>
      </Radio.Group>
    </Card>
  );
}
