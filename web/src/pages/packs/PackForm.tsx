import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Pack, PackInput, Template } from '../../api/types';
import { useT } from '../../i18n';
import { useConsole } from '../../apps/Console';

/** What the form edits: odds as percentages (two decimals) for people; the API takes basis points. */
interface FormValues {
  name: string;
  description?: string;
  kind: 'fixed' | 'random';
  items?: { template_id: string; quantity: number }[];
  prizes?: { name: string; odds: number; stock: number | null; top?: boolean; template_id: string; quantity: number }[];
  guarantee_after?: number | null;
}

const toBody = (v: FormValues): PackInput => ({
  name: v.name,
  kind: v.kind,
  description: v.description || null,
  ...(v.kind === 'fixed'
    ? { items: v.items ?? [] }
    : {
        prizes: (v.prizes ?? []).map((z) => ({
          name: z.name,
          odds_bp: Math.round((z.odds ?? 0) * 100),
          stock: z.stock ?? null,
          top: !!z.top,
          items: [{ template_id: z.template_id, quantity: z.quantity ?? 1 }],
        })),
        guarantee_after: v.guarantee_after ?? null,
      }),
});
const fromPack = (p: Pack): FormValues => ({
  name: p.name,
  description: p.description ?? undefined,
  kind: p.kind,
  items: p.items.map((i) => ({ template_id: i.template_id, quantity: i.quantity })),
  prizes: p.prizes.map((z) => ({
    name: z.name,
    odds: z.odds_bp / 100,
    stock: z.stock,
    top: z.top,
    template_id: z.items[0]?.template_id ?? '',
    quantity: z.items[0]?.quantity ?? 1,
  })),
  guarantee_after: p.guarantee_after,
});

/**
 * 新建 / 编辑礼包, or 新版本 of a published one: a fixed pack's cards, or a random pack's prizes (each
 * one template, odds in %, stock, 大奖) and its guarantee. Odds must add up to exactly 100 %.
 */
export function PackForm({
  pack,
  mode,
  onClose,
  onSaved,
}: {
  pack: Pack | null;
  mode: 'new' | 'edit' | 'version';
  onClose: () => void;
  onSaved: (p: Pack) => void;
}) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm<FormValues>();
  const [templates, setTemplates] = useState<Template[]>([]);
  const kind = Form.useWatch('kind', form);
  const prizes = Form.useWatch('prizes', form) ?? [];
  const total = prizes.reduce((s, z) => s + Math.round((z?.odds ?? 0) * 100), 0);
  useEffect(() => {
    api.templates({ limit: 200, status: 'active' }).then((p) => setTemplates(p.data), report);
  }, [api]);
  useEffect(() => {
    form.setFieldsValue(pack ? fromPack(pack) : { kind: 'fixed', items: [{ template_id: '', quantity: 1 }], prizes: [] });
  }, [pack, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const body = toBody(v);
      const p = mode === 'new' ? await api.createPack(body) : mode === 'edit' ? await api.updatePack(pack!.id, body) : await api.packVersion(pack!.id, body);
      onSaved(p);
    } catch (e) {
      report(e);
    }
  };
  const tplOptions = templates.map((x) => ({ value: x.id, label: x.name }));
  const title = mode === 'new' ? t('新建权益礼包', 'New benefit pack') : mode === 'edit' ? t('编辑礼包', 'Edit pack') : t('新版本', 'New version');
  return (
    <Modal open title={title} onCancel={onClose} onOk={save} width={860} destroyOnHidden okButtonProps={{ 'data-testid': 'pack-save' }}>
      {mode === 'version' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            '新版本发布后，旧版本自动停用；发放旧版本时会发放新版本。',
            'When the new version is published the old one retires; granting the old one grants the new.',
          )}
        />
      )}
      <Form form={form} layout="vertical" data-testid="pack-form">
        <Form.Item name="name" label={t('礼包名称', 'Name')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="pack-name" />
        </Form.Item>
        <Form.Item name="description" label={t('说明', 'Description')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item name="kind" label={t('类型', 'Kind')}>
          <Radio.Group data-testid="pack-kind">
            <Radio value="fixed">{t('固定礼包', 'Fixed pack')}</Radio>
            <Radio value="random">{t('盲盒（随机奖品）', 'Random pack (blind box)')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'fixed' ? (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'template_id']} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
                      <Select showSearch optionFilterProp="label" options={tplOptions} style={{ width: 300 }} placeholder={t('卡券模板', 'Template')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} addonAfter={t('张', 'cards')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })}>
                  {t('添加卡券', 'Add cards')}
                </Button>
              </>
            )}
          </Form.List>
        ) : (
          <>
            <Form.List name="prizes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" wrap data-testid={`prize-${i}`}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('奖品名称', 'Prize name') }]}>
                        <Input placeholder={t('奖品名称', 'Prize name')} style={{ width: 120 }} data-testid={`prize-${i}-name`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'template_id']} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
                        <Select
                          showSearch
                          optionFilterProp="label"
                          options={tplOptions}
                          style={{ width: 180 }}
                          placeholder={t('卡券模板', 'Template')}
                          data-testid={`prize-${i}-template`}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'quantity']} initialValue={1}>
                        <InputNumber min={1} max={100} addonAfter={t('张', 'cards')} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'odds']} rules={[{ required: true, message: t('概率', 'Odds') }]}>
                        <InputNumber min={0.01} max={100} step={0.01} precision={2} addonAfter="%" style={{ width: 120 }} data-testid={`prize-${i}-odds`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'stock']}>
                        <InputNumber
                          min={0}
                          placeholder={t('库存（空=不限）', 'Stock (empty = unlimited)')}
                          style={{ width: 150 }}
                          data-testid={`prize-${i}-stock`}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'top']} valuePropName="checked">
                        <Checkbox data-testid={`prize-${i}-top`}>{t('大奖', 'Top prize')}</Checkbox>
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, stock: null })} data-testid="prize-add">
                    {t('添加奖品', 'Add a prize')}
                  </Button>
                </>
              )}
            </Form.List>
            <Typography.Paragraph type={total === 10000 ? 'success' : 'danger'} style={{ marginTop: 8 }} data-testid="odds-total">
              {t(`概率合计 ${(total / 100).toFixed(2)}%（须正好 100%）`, `Odds add up to ${(total / 100).toFixed(2)} % (must be exactly 100 %)`)}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t(
                '每次抽取只在仍有库存的奖品中进行：已抽完的奖品不再出现，其余奖品按公示概率的比例重新归一。发布后概率不能修改，只能创建新版本。',
                'Each draw is among the prizes still in stock: a prize that is gone never comes up, the others keep their odds in proportion. Odds are fixed once published; make a new version to change them.',
              )}
            </Typography.Paragraph>
            <Form.Item
              name="guarantee_after"
              label={t('保底：连续多少次未中大奖后，下一次必中大奖', 'Guarantee: after this many draws without a top prize, the next is one')}
            >
              <InputNumber min={1} max={1000} placeholder={t('不设保底', 'No guarantee')} data-testid="pack-guarantee" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
