import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';

/**
 * 充值赠送 in the template form (stored-value and gift cards): tiers "充 ¥500 送 ¥50". A top-up gets the
 * bonus of the highest tier it reaches, as its own ledger entry. A rule, so it may change while cards are out.
 */
export function BonusTiers() {
  const t = useT();
  const yuan = (testId: string, placeholder: string) => (
    <InputNumber min={0.01} step={10} precision={2} prefix="¥" style={{ width: 150 }} placeholder={placeholder} data-testid={testId} />
  );
  return (
    <Form.Item
      label={t('充值赠送', 'Top-up bonus')}
      extra={t(
        '每次充值按达到的最高一档赠送，赠送金额单独记账；可随时修改，对已发出的卡同样生效。',
        'A top-up gets the bonus of the highest tier it reaches, booked as its own entry; tiers may change any time and apply to cards already out.',
      )}
    >
      <Form.List name="top_up_bonus">
        {(fields, { add, remove }) => (
          <Space direction="vertical" size={8} data-testid="bonus-tiers">
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Typography.Text>{t('充', 'Top up')}</Typography.Text>
                <Form.Item name={[f.name, 'min']} noStyle rules={[{ required: true, message: t('请填写充值金额', 'Enter the top-up amount') }]}>
                  {yuan(`bonus-min-${i}`, '500.00')}
                </Form.Item>
                <Typography.Text>{t('送', 'get')}</Typography.Text>
                <Form.Item name={[f.name, 'bonus']} noStyle rules={[{ required: true, message: t('请填写赠送金额', 'Enter the bonus') }]}>
                  {yuan(`bonus-amount-${i}`, '50.00')}
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('删除这一档', 'Remove this tier')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="bonus-add">
              {t('添加一档', 'Add a tier')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
