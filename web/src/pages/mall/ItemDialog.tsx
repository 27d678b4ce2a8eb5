import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { MallItem, MallItemInput } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { fenToYuan, yuanToFen } from '../../format';
import { Refusal } from '../wholesale/Refusal';
import { choices, type Choice } from './choices';

/**
 * 新建/编辑商品: a card of a batch or a benefit pack (fixed once made), for points and optionally cash (yuan,
 * paid at the brand: the wallet exchanges points-only items), stock (empty: unlimited), limit per member,
 * tiers (none: everyone) and a sale window. A new item is a draft until 上架.
 */
export function ItemDialog({ item, onClose, onSaved }: { item: MallItem | null; onClose: () => void; onSaved: (it: MallItem) => void }) {
  const t = useT();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [opts, setOpts] = useState<{ batches: Choice[]; packs: Choice[]; tiers: Choice[] }>({ batches: [], packs: [], tiers: [] });
  const kind = Form.useWatch('kind', form) ?? item?.kind ?? 'card';
  useEffect(() => {
    choices(api).then(setOpts);
  }, [api]);
  useEffect(() => {
    form.setFieldsValue(
      item
        ? {
            ...item,
            cash: fenToYuan(item.cash),
            window:
              item.sale_from || item.sale_until ? [item.sale_from ? dayjs(item.sale_from) : null, item.sale_until ? dayjs(item.sale_until) : null] : undefined,
          }
        : { kind: 'card', points: 100, cash: 0, tier_ids: [], sort: 0 },
    );
  }, [item, form]);

  const save = async () => {
    const v = await form.validateFields();
    const [from, until] = (v.window ?? [null, null]) as [Dayjs | null, Dayjs | null];
    const terms = {
      name: v.name.trim(),
      description: v.description ?? '',
      points: v.points,
      cash: yuanToFen(v.cash) ?? 0,
      stock: v.stock ?? null,
      per_member_limit: v.per_member_limit ?? null,
      tier_ids: v.tier_ids ?? [],
      sale_from: from ? from.toISOString() : null,
      sale_until: until ? until.toISOString() : null,
      sort: v.sort ?? 0,
    };
    setBusy(true);
    setError(null);
    try {
      const body: MallItemInput = { ...terms, kind: v.kind, ...(v.kind === 'card' ? { batch_id: v.batch_id } : { pack_id: v.pack_id }) };
      onSaved(item ? await api.updateMallItem(item.id, terms) : await api.createMallItem(body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const tierChoices = [
    ...opts.tiers,
    ...(item?.tier_ids ?? []).filter((id) => !opts.tiers.some((x) => x.value === id)).map((id, i) => ({ value: id, label: item!.tier_names[i] ?? id })),
  ];

  return (
    <Modal
      open
      width={640}
      title={item ? t(`编辑商品：${item.name}`, `Edit: ${item.name}`) : t('新建商品', 'New item')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'mall-item-save' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="mall-item-error" />
      <Form form={form} layout="vertical" data-testid="mall-item-form">
        <Form.Item name="name" label={t('商品名称', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写商品名称', 'Required') }]}>
          <Input maxLength={60} data-testid="mall-item-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('兑换内容', 'Gives')}>
          <Radio.Group
            disabled={!!item}
            options={[
              { value: 'card', label: t('卡券（从批次发放）', 'A card of a batch') },
              { value: 'pack', label: t('权益礼包', 'A benefit pack') },
            ]}
          />
        </Form.Item>
        {kind === 'card' ? (
          <Form.Item name="batch_id" label={t('发放批次', 'Batch')} rules={[{ required: true, message: t('请选择批次', 'Choose a batch') }]}>
            <Select showSearch optionFilterProp="label" disabled={!!item} options={opts.batches} data-testid="mall-item-batch" />
          </Form.Item>
        ) : (
          <Form.Item name="pack_id" label={t('权益礼包', 'Pack')} rules={[{ required: true, message: t('请选择礼包', 'Choose a pack') }]}>
            <Select showSearch optionFilterProp="label" disabled={!!item} options={opts.packs} data-testid="mall-item-pack" />
          </Form.Item>
        )}
        <Space size={16} wrap>
          <Form.Item name="points" label={t('所需积分', 'Points')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: 160 }} data-testid="mall-item-points" />
          </Form.Item>
          <Form.Item
            name="cash"
            label={t('另付现金（元）', 'Plus cash (yuan)')}
            tooltip={t(
              '现金由品牌收取：带现金的商品只能通过品牌的接口凭付款单号兑换，钱包里只能兑换纯积分商品',
              'The brand takes the cash: such items are exchanged through its API with the payment reference; the wallet exchanges points-only items',
            )}
          >
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: 160 }} data-testid="mall-item-cash" />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="stock" label={t('库存（空为不限）', 'Stock (empty: unlimited)')}>
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 160 }} data-testid="mall-item-stock" />
          </Form.Item>
          <Form.Item name="per_member_limit" label={t('每人限兑（空为不限）', 'Per member (empty: no limit)')}>
            <InputNumber min={1} max={10_000} precision={0} style={{ width: 160 }} data-testid="mall-item-limit" />
          </Form.Item>
          <Form.Item name="sort" label={t('排序（小的在前）', 'Order (lowest first)')}>
            <InputNumber min={-1_000_000} max={1_000_000} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="tier_ids" label={t('可兑换的会员等级（不选为所有会员）', 'Tiers that may exchange it (none: everyone)')}>
          <Select mode="multiple" allowClear options={tierChoices} data-testid="mall-item-tiers" />
        </Form.Item>
        <Form.Item name="window" label={t('兑换时间（不填为长期）', 'On sale (empty: always)')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} data-testid="mall-item-window" />
        </Form.Item>
        <Form.Item name="description" label={t('说明', 'Description')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
        {item && item.sold > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`已兑换 ${item.sold} 件：库存不能少于这个数。`, `${item.sold} exchanged: stock cannot go below that.`)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
