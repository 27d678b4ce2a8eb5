import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, message } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Client } from '../../api';
import type { Batch, Channel, Holding } from '../../api/types';
import { useT } from '../../i18n';
import { num } from '../../format';
import { ProblemMessage } from '../../problems';

/**
 * 分配 / 收回 / 调拨 a channel's quota:
 *  - grant 分配: to `channel`, from its parent (the brand for a top-level channel); a quantity, or
 *    the codes themselves of a pool batch; optional tracking parameters (key = value, up to 5);
 *  - revoke 收回: what `channel` holds unissued goes back to its parent (the brand);
 *  - transfer 调拨: from `channel` to a sibling or a channel below it.
 * Refusals (more than the giver holds, a suspended channel…) show in the dialog in the server's words.
 */
export type AllocMode = 'grant' | 'revoke' | 'transfer';

export function AllocateDialog(props: {
  api: Client;
  mode: AllocMode | null;
  channel: Channel | null;
  /** every channel the caller sees (for the giver's name, the transfer's targets) */
  channels: Channel[];
  /** what the channel holds (revoke, transfer: which batch) */
  holdings: Holding[];
  /** grant from this channel (a partner's own) to one of its children chosen in the dialog; `channel` is then that giver too */
  fromSelf?: boolean;
  /** the batch preselected (a holding's row) */
  batchId?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { api, mode, channel, channels, holdings } = props;
  const t = useT();
  const [form] = Form.useForm();
  const [batches, setBatches] = useState<Batch[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [by, setBy] = useState<'quantity' | 'codes'>('quantity');
  const open = !!mode && !!channel;
  const chosen = Form.useWatch('batch_id', form) as string | undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setBy('quantity');
    form.resetFields();
    form.setFieldsValue({ batch_id: props.batchId });
    if (mode === 'grant')
      api
        .batches({ limit: 100 })
        .then((r) => setBatches(r.data))
        .catch(() => setBatches([]));
  }, [open, mode, channel?.id]);
  if (!channel || !mode) return null;

  const fromSelf = !!props.fromSelf && mode === 'grant';
  const parent = channels.find((c) => c.id === channel.parent_id);
  const giver = fromSelf ? channel.name : channel.parent_id ? (parent?.name ?? t('上级渠道', 'the parent channel')) : t('品牌', 'the brand');
  const children = channels.filter((c) => c.parent_id === channel.id);
  const held = (id: string | undefined) => holdings.find((h) => h.batch_id === id);
  const targets = channels.filter((c) => c.id !== channel.id && (c.path.startsWith(channel.path) || c.parent_id === channel.parent_id));
  const batchOptions =
    mode === 'grant' && !fromSelf
      ? batches.map((b) => ({ value: b.id, label: b.name }))
      : holdings.map((h) => ({ value: h.batch_id, label: `${h.batch_name ?? h.batch_id}（${t('可用', 'available')} ${num(h.available)}）` }));
  const pool = mode === 'grant' && !fromSelf && batches.find((b) => b.id === chosen)?.mode !== 'on_issue' && !!chosen;

  const save = async () => {
    const v = await form.validateFields();
    const params = Object.fromEntries(((v.params ?? []) as { k?: string; v?: string }[]).filter((p) => p?.k && p.v).map((p) => [p.k!.trim(), p.v!.trim()]));
    setBusy(true);
    setError(null);
    try {
      if (mode === 'grant') {
        const codes =
          by === 'codes'
            ? String(v.codes ?? '')
                .split(/[\s,，]+/)
                .filter(Boolean)
            : undefined;
        await api.allocate({
          batch_id: v.batch_id,
          to_channel_id: fromSelf ? v.to_channel_id : channel.id,
          from_channel_id: fromSelf ? channel.id : (channel.parent_id ?? null),
          ...(codes ? { codes } : { quantity: v.quantity }),
          ...(Object.keys(params).length ? { params } : {}),
        });
        const to = fromSelf ? (children.find((c) => c.id === v.to_channel_id)?.name ?? '') : channel.name;
        message.success(t(`已分配给「${to}」`, `Allocated to "${to}"`));
      } else if (mode === 'revoke') {
        await api.revokeAllocation({ batch_id: v.batch_id, channel_id: channel.id, quantity: v.quantity });
        message.success(t(`已从「${channel.name}」收回 ${v.quantity}`, `Took back ${v.quantity} from "${channel.name}"`));
      } else {
        await api.transferAllocation({
          batch_id: v.batch_id,
          from_channel_id: channel.id,
          to_channel_id: v.to_channel_id,
          quantity: v.quantity,
          ...(Object.keys(params).length ? { params } : {}),
        });
        message.success(t('已调拨', 'Transferred'));
      }
      props.onDone();
      props.onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const titles = {
    grant: fromSelf
      ? t(`从「${channel.name}」分配给下级`, `Allocate from "${channel.name}" to a channel below`)
      : t(`分配给「${channel.name}」（来自${giver}）`, `Allocate to "${channel.name}" (from ${giver})`),
    revoke: t(`从「${channel.name}」收回（退回${giver}）`, `Take back from "${channel.name}" (to ${giver})`),
    transfer: t(`从「${channel.name}」调拨`, `Transfer from "${channel.name}"`),
  };
  return (
    <Modal
      open={open}
      title={titles[mode]}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={busy}
      okText={{ grant: t('分配', 'Allocate'), revoke: t('收回', 'Take back'), transfer: t('调拨', 'Transfer') }[mode]}
      okButtonProps={{ 'data-testid': 'alloc-save' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="alloc-form">
        <Form.Item name="batch_id" label={t('批次', 'Batch')} rules={[{ required: true, message: t('请选择批次', 'Choose a batch') }]}>
          <Select showSearch optionFilterProp="label" options={batchOptions} data-testid="alloc-batch" />
        </Form.Item>
        {fromSelf && (
          <Form.Item
            name="to_channel_id"
            label={t('分配给（下级渠道）', 'To (a channel below)')}
            rules={[{ required: true, message: t('请选择渠道', 'Choose a channel') }]}
          >
            <Select options={children.map((c) => ({ value: c.id, label: c.name }))} data-testid="alloc-to" />
          </Form.Item>
        )}
        {mode === 'transfer' && (
          <Form.Item name="to_channel_id" label={t('调拨给（同级或下级渠道）', 'To (a sibling or a channel below)')} rules={[{ required: true }]}>
            <Select options={targets.map((c) => ({ value: c.id, label: c.name }))} data-testid="alloc-to" />
          </Form.Item>
        )}
        {pool && (
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} style={{ marginBottom: 12 }}>
            <Radio value="quantity">{t('按数量', 'By quantity')}</Radio>
            <Radio value="codes">{t('指定券码', 'These codes')}</Radio>
          </Radio.Group>
        )}
        {pool && by === 'codes' ? (
          <Form.Item name="codes" label={t('券码（每行一个）', 'Codes (one a line)')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="alloc-codes" />
          </Form.Item>
        ) : (
          <Form.Item
            name="quantity"
            label={t('数量', 'Quantity')}
            rules={[{ required: true, message: t('请填写数量', 'Enter a quantity') }]}
            extra={
              (mode !== 'grant' || fromSelf) && chosen
                ? t(`「${channel.name}」可用 ${num(held(chosen)?.available)}`, `Available: ${num(held(chosen)?.available)}`)
                : undefined
            }
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="alloc-quantity" />
          </Form.Item>
        )}
        {mode !== 'revoke' && (
          <Form.Item label={t('追踪参数（可选，最多 5 个，随卡券发放记录）', 'Tracking parameters (optional, up to 5, carried on the cards)')}>
            <Form.List name="params">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                      <Form.Item name={[f.name, 'k']} rules={[{ pattern: /^[a-z][a-z0-9_]{0,31}$/, message: t('小写字母开头', 'lower case') }]}>
                        <Input placeholder="campaign" style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'v']}>
                        <Input placeholder="double11" maxLength={64} style={{ width: 140 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  {fields.length < 5 && (
                    <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()} data-testid="alloc-param-add">
                      {t('添加参数', 'Add a parameter')}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
        {error != null && <Alert type="error" showIcon title={<ProblemMessage error={error} />} data-testid="alloc-error" />}
      </Form>
    </Modal>
  );
}
