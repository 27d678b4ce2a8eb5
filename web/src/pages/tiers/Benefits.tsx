import { useEffect, useState } from 'react';
import { Button, Form, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography, message } from 'antd';
import { report } from '../../api';
import type { Tier, TierBenefit } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { Refusal } from '../wholesale/Refusal';

/**
 * 等级权益: a benefit pack granted to every member of a tier on a day of each month. The job grants each
 * member once per month (reference tier:<benefit>:<month>:<member>), even after a crash or a second run.
 */
export function Benefits({ tiers, benefits, canManage, onSaved }: { tiers: Tier[]; benefits: TierBenefit[]; canManage: boolean; onSaved: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [open, setOpen] = useState(false);
  const [packs, setPacks] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ tier_id: string; pack_id: string; day_of_month: number }>();
  useEffect(() => {
    if (open)
      api
        .packs({ status: 'live', limit: 100 })
        .then((p) => setPacks(p.data.map((x: { id: string; name: string }) => ({ id: x.id, name: x.name }))))
        .catch(report);
  }, [api, open]);
  const tierName = (id: string) => tiers.find((x) => x.id === id)?.name ?? id;
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.createTierBenefit(v);
      message.success(t('已添加等级权益', 'Benefit added'));
      setOpen(false);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const stop = (id: string) => api.stopTierBenefit(id).then(onSaved).catch(report);
  return (
    <div data-testid="tier-benefits">
      <Table<TierBenefit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={benefits}
        locale={{ emptyText: t('还没有等级权益', 'No benefits yet') }}
        columns={[
          { title: t('等级', 'Tier'), key: 'tier', render: (_, b) => <Tag color="gold">{tierName(b.tier_id)}</Tag> },
          { title: t('权益礼包', 'Pack'), key: 'pack', render: (_, b) => b.pack_name ?? b.pack_id },
          { title: t('发放时间', 'When'), key: 'day', render: (_, b) => t(`每月 ${b.day_of_month} 日 0 点`, `Day ${b.day_of_month} of each month`) },
          {
            title: t('最近一期', 'Last run'),
            key: 'run',
            render: (_, b) =>
              b.last_run
                ? `${b.last_run.period} · ${t(`已发 ${b.last_run.granted} 人`, `${b.last_run.granted} granted`)}${b.last_run.done ? '' : t('（进行中）', ' (running)')}`
                : '—',
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'stop',
                  render: (_: unknown, b: TierBenefit) => (
                    <Popconfirm title={t('停止后不再按月发放，已发放的不变。', 'No more monthly grants; past grants stay.')} onConfirm={() => stop(b.id)}>
                      <Button size="small" danger>
                        {t('停止', 'Stop')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canManage && (
        <Button
          style={{ marginTop: 12 }}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ day_of_month: 1 });
            setError(null);
            setOpen(true);
          }}
          disabled={!tiers.length}
          data-testid="tier-benefit-new"
        >
          {t('添加等级权益', 'Add a benefit')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('添加等级权益', 'Add a tier benefit')}
        onCancel={() => setOpen(false)}
        onOk={save}
        okButtonProps={{ loading: busy, 'data-testid': 'tier-benefit-save' }}
        destroyOnHidden
      >
        <Refusal error={error} testId="tier-benefit-error" />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t(
            '每月指定日期（商户时区 0 点）向该等级的每位会员发放一次礼包，同一月份不会重复发放。',
            'On that day each month (local midnight) every member of the tier gets the pack once.',
          )}
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="tier_id" label={t('等级', 'Tier')} rules={[{ required: true, message: t('请选择等级', 'Choose a tier') }]}>
            <Select options={tiers.map((x) => ({ value: x.id, label: x.name }))} data-testid="tier-benefit-tier" />
          </Form.Item>
          <Form.Item name="pack_id" label={t('权益礼包（已发布）', 'Pack (live)')} rules={[{ required: true, message: t('请选择礼包', 'Choose a pack') }]}>
            <Select
              options={packs.map((p) => ({ value: p.id, label: p.name }))}
              notFoundContent={t('没有已发布的礼包', 'No live packs')}
              data-testid="tier-benefit-pack"
            />
          </Form.Item>
          <Form.Item name="day_of_month" label={t('每月几号', 'Day of month')} rules={[{ required: true }]}>
            <InputNumber min={1} max={28} precision={0} data-testid="tier-benefit-day" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
