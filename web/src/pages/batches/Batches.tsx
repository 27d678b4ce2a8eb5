import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PauseOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Batch, Channel, Template } from '../../types';
import { useName, useT } from '../../i18n';
import { num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

/** 批次: create, watch generation progress, pause/resume, export codes (with a confirm step). */
export function Batches() {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState<Batch | null>(null);
  const [reload, setReload] = useState(0);
  const [rows, setRows] = useState<Batch[]>([]);
  const canWrite = me.role === 'owner' || me.role === 'operator';

  useEffect(() => {
    api.templates({ limit: 200, status: 'active' }).then((p) => setTemplates(p.data)).catch(report);
    api.channels().then((r) => setChannels(r.data)).catch(() => {});
  }, [api]);
  const fetch = useCallback(async (q: ListQuery) => { const p = await api.batches(q); setRows(p.data); return p; }, [api]);
  // while a batch generates, its progress is polled every second
  useEffect(() => {
    if (!rows.some((b) => b.status === 'generating')) return;
    const h = setTimeout(() => setReload((x) => x + 1), 1000);
    return () => clearTimeout(h);
  }, [rows]);

  const act = async (p: Promise<unknown>) => { try { await p; setReload((x) => x + 1); } catch (e) { report(e); } };
  const tplName = (id: string) => templates.find((x) => x.id === id)?.name ?? id;
  const statusColor: Record<string, string> = { generating: 'processing', paused: 'warning', ready: 'success', failed: 'error' };

  return (
    <div>
      <PageTitle title={t('批次', 'Batches')} extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-batch">{t('新建批次', 'New batch')}</Button>} />
      <DataTable<Batch> fetch={fetch} rowKey="id" search={t('搜索批次名称', 'Search by name')} reloadKey={reload} testId="batches-table"
        columns={[
          { title: t('批次', 'Batch'), dataIndex: 'name', render: (v: string, r) => <Space direction="vertical" size={0}><b>{v}</b><span className="kq-muted kq-mono" style={{ fontSize: 12 }}>{r.id}</span></Space> },
          { title: t('模板', 'Template'), dataIndex: 'template_id', render: tplName },
          { title: t('方式', 'Mode'), dataIndex: 'mode', render: (m: string) => name('batchMode', m) },
          { title: t('进度', 'Progress'), key: 'progress', width: 220, render: (_: unknown, r) => r.mode === 'pregenerated'
            ? <div data-testid={`progress-${r.id}`}><Progress percent={Math.floor(r.progress * 100)} size="small" status={r.status === 'failed' ? 'exception' : r.status === 'generating' ? 'active' : undefined} /><span className="kq-muted" style={{ fontSize: 12 }}>{num(r.generated)} / {num(r.quantity)}</span></div>
            : <span className="kq-muted">{r.stock == null ? t('不限量', 'Unlimited') : t(`库存 ${num(r.stock)}`, `Stock ${num(r.stock)}`)}</span> },
          { title: t('已发放', 'Issued'), dataIndex: 'issued', align: 'right', render: num },
          { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string, r) => <Tag color={statusColor[s]} data-testid={`status-${r.id}`} title={r.error ?? undefined}>{name('batchStatus', s)}</Tag> },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: time },
          { title: '', key: 'ops', render: (_: unknown, r) => <Space>
            {canWrite && r.status === 'generating' && <Button size="small" icon={<PauseOutlined />} onClick={() => act(api.pauseBatch(r.id))}>{t('暂停', 'Pause')}</Button>}
            {canWrite && r.status === 'paused' && <Button size="small" icon={<PlayCircleOutlined />} onClick={() => act(api.resumeBatch(r.id))}>{t('继续', 'Resume')}</Button>}
            {canWrite && r.mode !== 'imported' && r.generated > 0 && <Button size="small" icon={<DownloadOutlined />} onClick={() => setExporting(r)} data-testid={`export-${r.id}`}>{t('导出券码', 'Export codes')}</Button>}
          </Space> },
        ]} />
      <CreateBatch open={creating} templates={templates} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); setReload((x) => x + 1); }} />
      <ExportBatch batch={exporting} channels={channels} onClose={() => setExporting(null)} onDone={() => { setExporting(null); setReload((x) => x + 1); }} />
    </div>
  );
}

function CreateBatch(props: { open: boolean; templates: Template[]; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const name = useName();
  const { api } = useConsole();
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.createBatch({
        template_id: v.template_id, name: v.name, mode: v.mode,
        quantity: v.mode === 'pregenerated' ? v.quantity : undefined,
        stock: v.mode === 'on_issue' && v.stock ? v.stock : undefined,
        code_format: v.mode === 'imported' ? undefined : { prefix: v.prefix || undefined, alphabet: v.alphabet },
      });
      form.resetFields();
      props.onCreated();
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  return (
    <Modal open={props.open} title={t('新建批次', 'New batch')} onCancel={props.onClose} onOk={submit} confirmLoading={busy} okText={t('创建', 'Create')} destroyOnHidden okButtonProps={{ 'data-testid': 'batch-submit' } as any}>
      <Form form={form} layout="vertical" initialValues={{ mode: 'pregenerated', quantity: 1000, alphabet: 'crockford' }} data-testid="batch-form">
        <Form.Item name="template_id" label={t('模板', 'Template')} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
          <Select showSearch optionFilterProp="label" options={props.templates.map((x) => ({ value: x.id, label: `${x.name} · ${name('kind', x.kind)}` }))} data-testid="batch-template" />
        </Form.Item>
        <Form.Item name="name" label={t('批次名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Give it a name') }]}><Input maxLength={200} data-testid="batch-name" /></Form.Item>
        <Form.Item name="mode" label={t('生成方式', 'Mode')}>
          <Radio.Group optionType="button" options={(['pregenerated', 'on_issue', 'imported'] as const).map((m) => ({ value: m, label: name('batchMode', m) }))} />
        </Form.Item>
        {mode === 'pregenerated' && <Form.Item name="quantity" label={t('数量（最多 100 万）', 'Quantity (up to 1,000,000)')} rules={[{ required: true }]}><InputNumber min={1} max={1000000} style={{ width: '100%' }} data-testid="batch-quantity" /></Form.Item>}
        {mode === 'on_issue' && <Form.Item name="stock" label={t('库存（不填为不限量）', 'Stock (empty = unlimited)')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>}
        {mode !== 'imported' && <Space.Compact block>
          <Form.Item name="prefix" label={t('券码前缀', 'Code prefix')} style={{ flex: 1 }}><Input maxLength={8} placeholder="KQ" /></Form.Item>
          <Form.Item name="alphabet" label={t('字符集', 'Alphabet')} style={{ flex: 1, marginInlineStart: 12 }}>
            <Select options={[{ value: 'crockford', label: t('数字+字母（16 位）', 'Letters + digits (16)') }, { value: 'digits', label: t('纯数字（25 位）', 'Digits only (25)') }]} />
          </Form.Item>
        </Space.Compact>}
        {mode === 'imported' && <Alert type="info" showIcon title={t('创建后通过 API 导入券码（CSV：code,pin）', 'Import codes after creating it, through the API (CSV: code,pin)')} />}
      </Form>
    </Modal>
  );
}

function ExportBatch(props: { batch: Batch | null; channels: Channel[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [limit, setLimit] = useState<number | null>(null);
  const [channel, setChannel] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const b = props.batch;
  useEffect(() => { setConfirmed(false); setLimit(null); setChannel(undefined); }, [b]);
  const run = async () => {
    if (!b) return;
    setBusy(true);
    try {
      const blob = await api.exportBatch(b.id, { limit: limit ?? undefined, channel_id: channel });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${b.name}-${b.id}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      props.onDone();
    } catch (e) { report(e); } finally { setBusy(false); }
  };
  return (
    <Modal open={!!b} title={t('导出券码', 'Export codes')} onCancel={props.onClose} onOk={run} okText={t('确认导出', 'Export')} confirmLoading={busy}
      okButtonProps={{ disabled: !confirmed, danger: true, 'data-testid': 'export-confirm' } as any} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('导出的券码即可使用，等同现金', 'Exported codes are live: treat the file like cash')}
          description={t('导出会把券码从库存中取出并标记为已发放（无记名），导出动作写入审计日志。请通过安全渠道传递文件。', 'Export takes codes out of the pool as issued bearer codes, and is written to the audit log. Send the file over a secure channel.')} />
        <Typography.Text>{t('数量（不填为全部剩余）', 'How many (empty = all left)')}</Typography.Text>
        <InputNumber min={1} max={1000000} value={limit} onChange={(v) => setLimit(v)} style={{ width: '100%' }} />
        {props.channels.length > 0 && <>
          <Typography.Text>{t('分配给渠道（可选）', 'Allocate to a channel (optional)')}</Typography.Text>
          <Select allowClear value={channel} onChange={setChannel} style={{ width: '100%' }} options={props.channels.map((c) => ({ value: c.id, label: c.name }))} />
        </>}
        <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="export-ack">{t('我已了解，文件将妥善保管', 'I understand and will keep the file safe')}</Checkbox>
      </Space>
    </Modal>
  );
}
