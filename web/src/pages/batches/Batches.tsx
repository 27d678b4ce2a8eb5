import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, message, Modal, Progress, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, GiftOutlined, HistoryOutlined, PauseOutlined, PlayCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Batch, Channel, ImportResult, ImportState, Template } from '../../api/types';
import { useName, useT } from '../../i18n';
import { num, zonedTime } from '../../format';
import { ExportCodes } from './ExportCodes';
import { WechatStock } from './WechatStock';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { refusalDetail } from './refusals';
import { IssueCardDialog } from '../members/IssueCardDialog';

/**
 * 批次: create, watch generation progress (read again quietly every second while a batch generates, so
 * 暂停 stays clickable), pause/resume, export codes and the export history (ExportCodes), import codes
 * into an imported batch. Times in the tenant's time zone.
 */
export function Batches() {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const [templates, setTemplates] = useState<Template[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState<Batch | null>(null);
  const [importing, setImporting] = useState<Batch | null>(null);
  const [wechat, setWechat] = useState<Batch | null>(null);
  const [reload, setReload] = useState(0);
  const [rows, setRows] = useState<Batch[]>([]);
  const canWrite = me.can.includes('catalog.write');
  const canExport = me.can.includes('codes.export');
  const canIssue = me.can.includes('cards.issue');
  const [issuing, setIssuing] = useState<Batch | null>(null);

  useEffect(() => {
    api
      .templates({ limit: 200, status: 'active' })
      .then((p) => setTemplates(p.data))
      .catch(report);
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(() => {});
  }, [api]);
  const fetch = useCallback(
    async (q: ListQuery) => {
      const p = await api.batches(q);
      setRows(p.data);
      return p;
    },
    [api],
  );
  // while a batch generates, the page on screen is read again every second, quietly: the rows (and their 暂停) stay usable
  const generating = rows.some((b) => b.status === 'generating');

  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const tplName = (id: string) => templates.find((x) => x.id === id)?.name ?? id;
  const statusColor: Record<string, string> = { generating: 'processing', paused: 'warning', ready: 'success', failed: 'error' };

  return (
    <div>
      <PageTitle
        title={t('批次', 'Batches')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-batch">
              {t('新建批次', 'New batch')}
            </Button>
          )
        }
      />
      <DataTable<Batch>
        fetch={fetch}
        rowKey="id"
        search={t('搜索批次名称', 'Search by name')}
        reloadKey={reload}
        poll={generating ? 1000 : undefined}
        testId="batches-table"
        columns={[
          {
            title: t('批次', 'Batch'),
            dataIndex: 'name',
            sortKey: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted kq-mono" style={{ fontSize: 12 }}>
                  {r.id}
                </span>
              </Space>
            ),
          },
          { title: t('模板', 'Template'), dataIndex: 'template_id', render: tplName },
          { title: t('方式', 'Mode'), dataIndex: 'mode', render: (m: string) => name('batchMode', m) },
          {
            title: t('进度', 'Progress'),
            key: 'progress',
            sortKey: 'generated',
            showSorterTooltip: { title: t('按已生成数量排序', 'Sort by codes generated') },
            width: 220,
            render: (_: unknown, r) =>
              r.mode === 'pregenerated' ? (
                <div data-testid={`progress-${r.id}`}>
                  <Progress
                    percent={Math.floor(r.progress * 100)}
                    size="small"
                    status={r.status === 'failed' ? 'exception' : r.status === 'generating' ? 'active' : undefined}
                  />
                  <span className="kq-muted" style={{ fontSize: 12 }}>
                    {num(r.generated)} / {num(r.quantity)}
                  </span>
                </div>
              ) : (
                <span className="kq-muted">{r.stock == null ? t('不限量', 'Unlimited') : t(`库存 ${num(r.stock)}`, `Stock ${num(r.stock)}`)}</span>
              ),
          },
          { title: t('已发放', 'Issued'), dataIndex: 'issued', sortKey: 'issued', align: 'right', render: num },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <Tag color={statusColor[s]} data-testid={`status-${r.id}`} title={r.error ?? undefined}>
                {name('batchStatus', s)}
              </Tag>
            ),
          },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', sortKey: 'created_at', render: (v: string) => zonedTime(v, me.tenant.time_zone) },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) => (
              <Space>
                {canWrite && r.status === 'generating' && (
                  <Button size="small" icon={<PauseOutlined />} onClick={() => act(api.pauseBatch(r.id))}>
                    {t('暂停', 'Pause')}
                  </Button>
                )}
                {canWrite && r.status === 'paused' && (
                  <Button size="small" icon={<PlayCircleOutlined />} onClick={() => act(api.resumeBatch(r.id))}>
                    {t('继续', 'Resume')}
                  </Button>
                )}
                {canIssue && r.mode === 'on_issue' && (
                  <Button size="small" icon={<GiftOutlined />} onClick={() => setIssuing(r)} data-testid={`issue-${r.id}`}>
                    {t('发放给会员', 'Issue to a member')}
                  </Button>
                )}
                {canWrite && r.mode === 'imported' && (
                  <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(r)} data-testid={`import-${r.id}`}>
                    {t('导入券码', 'Import codes')}
                  </Button>
                )}
                {r.mode !== 'on_issue' && (
                  <Button size="small" onClick={() => setWechat(r)} data-testid={`wechat-${r.id}`}>
                    {t('微信商家券', 'WeChat coupons')}
                  </Button>
                )}
                {canExport &&
                  r.mode !== 'imported' &&
                  r.generated > 0 &&
                  (r.unissued ? (
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => setExporting(r)} data-testid={`export-${r.id}`}>
                      {t('导出券码', 'Export codes')}
                    </Button>
                  ) : (
                    // every code is out: no export to make, only the earlier files to fetch again
                    <Button size="small" icon={<HistoryOutlined />} onClick={() => setExporting(r)} data-testid={`export-${r.id}`}>
                      {t('导出记录', 'Export history')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <CreateBatch
        open={creating}
        templates={templates}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          setReload((x) => x + 1);
        }}
      />
      <WechatStock batch={wechat} onClose={() => setWechat(null)} />
      <ExportCodes
        batch={exporting}
        channels={channels}
        onClose={() => setExporting(null)}
        onDone={() => {
          setExporting(null);
          setReload((x) => x + 1);
        }}
      />
      {issuing && (
        <IssueCardDialog
          batch={issuing}
          onClose={() => setIssuing(null)}
          onIssued={() => {
            setIssuing(null);
            setReload((x) => x + 1);
          }}
        />
      )}
      <ImportCodes
        batch={importing}
        onClose={() => {
          setImporting(null);
          setReload((x) => x + 1);
        }}
      />
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
      const b = await api.createBatch({
        template_id: v.template_id,
        name: v.name,
        mode: v.mode,
        quantity: v.mode === 'pregenerated' ? v.quantity : undefined,
        stock: v.mode === 'on_issue' && v.stock ? v.stock : undefined,
        code_format: v.mode === 'imported' ? undefined : { prefix: v.prefix || undefined, alphabet: v.alphabet },
      });
      form.resetFields();
      message.success(
        b.mode === 'pregenerated'
          ? t(`已创建批次「${b.name}」，正在生成 ${num(b.quantity)} 个券码`, `Batch “${b.name}” created; generating ${num(b.quantity)} codes`)
          : t(`已创建批次「${b.name}」`, `Batch “${b.name}” created`),
      );
      props.onCreated();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('新建批次', 'New batch')}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('创建', 'Create')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'batch-submit' } as any}
    >
      <Form form={form} layout="vertical" initialValues={{ mode: 'pregenerated', quantity: 1000, alphabet: 'crockford' }} data-testid="batch-form">
        <Form.Item name="template_id" label={t('模板', 'Template')} rules={[{ required: true, message: t('请选择模板', 'Choose a template') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={props.templates.map((x) => ({ value: x.id, label: `${x.name} · ${name('kind', x.kind)}` }))}
            data-testid="batch-template"
          />
        </Form.Item>
        <Form.Item name="name" label={t('批次名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Give it a name') }]}>
          <Input maxLength={200} data-testid="batch-name" />
        </Form.Item>
        <Form.Item name="mode" label={t('生成方式', 'Mode')}>
          <Radio.Group
            optionType="button"
            options={(['pregenerated', 'on_issue', 'imported'] as const).map((m) => ({ value: m, label: name('batchMode', m) }))}
          />
        </Form.Item>
        {mode === 'pregenerated' && (
          <Form.Item name="quantity" label={t('数量（最多 100 万）', 'Quantity (up to 1,000,000)')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000000} style={{ width: '100%' }} data-testid="batch-quantity" />
          </Form.Item>
        )}
        {mode === 'on_issue' && (
          <Form.Item name="stock" label={t('库存（不填为不限量）', 'Stock (empty = unlimited)')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {mode !== 'imported' && (
          <Space.Compact block>
            <Form.Item name="prefix" label={t('券码前缀', 'Code prefix')} style={{ flex: 1 }}>
              <Input maxLength={8} placeholder="KQ" />
            </Form.Item>
            <Form.Item name="alphabet" label={t('字符集', 'Alphabet')} style={{ flex: 1, marginInlineStart: 12 }}>
              <Select
                options={[
                  { value: 'crockford', label: t('数字+字母（16 位）', 'Letters + digits (16)') },
                  { value: 'digits', label: t('纯数字（25 位）', 'Digits only (25)') },
                ]}
              />
            </Form.Item>
          </Space.Compact>
        )}
        {mode === 'imported' && (
          <Alert
            type="info"
            showIcon
            title={t(
              '创建后在批次列表点「导入券码」上传 CSV（每行 code 或 code,pin），或调用 API',
              'After creating it, use “Import codes” in the list to upload a CSV (code or code,pin a line), or the API',
            )}
          />
        )}
      </Form>
    </Modal>
  );
}

const REFUSAL_REASONS: Record<string, [string, string]> = {
  malformed: ['格式不对', 'Malformed'],
  duplicate_in_file: ['文件内重复', 'Repeated in the file'],
  duplicate: ['券码已存在', 'Code already exists'],
  pin_missing: ['缺少密码', 'PIN missing'],
  weak_code: ['券码太短，易被猜中', 'Too guessable'],
};

/** 导入券码: a supplier's or an old system's codes, as a CSV file or pasted lines; good lines are kept, refused ones listed with the reason. */
function ImportCodes(props: { batch: Batch | null; onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>('unissued');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const b = props.batch;
  useEffect(() => {
    setCsv('');
    setFile(null);
    setState('unissued');
    setResult(null);
  }, [b]);
  const lines = csv.split(/\r?\n/).filter((l) => l.trim()).length;
  const run = async () => {
    if (!b || !lines) return;
    setBusy(true);
    try {
      setResult(await api.importCodes(b.id, csv, state));
      setCsv('');
      setFile(null);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!b}
      width={640}
      title={t('导入券码', 'Import codes') + (b ? ` · ${b.name}` : '')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={props.onClose} data-testid="import-close">
            {result ? t('完成', 'Done') : t('取消', 'Cancel')}
          </Button>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} disabled={!lines} onClick={run} data-testid="import-submit">
            {t(`导入 ${lines} 行`, `Import ${lines} line(s)`)}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(
            '每行一个券码，礼品卡为「券码,密码」；首行可为表头 code。每次最多 20 万行。',
            'One code a line, gift cards as “code,pin”; the first line may be the header “code”. Up to 200,000 lines at a time.',
          )}
        </Typography.Text>
        <Space wrap>
          <Upload
            accept=".csv,.txt,text/csv,text/plain"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              f.text().then((text) => {
                setCsv(text);
                setFile(f.name);
                setResult(null);
              }, report);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file">
              {t('选择 CSV 文件', 'Choose a CSV file')}
            </Button>
          </Upload>
          {file && <Tag>{file}</Tag>}
        </Space>
        <Input.TextArea
          rows={6}
          className="kq-mono"
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setFile(null);
          }}
          placeholder={t('或在此粘贴券码', 'or paste the codes here')}
          data-testid="import-text"
        />
        <Radio.Group
          value={state}
          onChange={(e) => setState(e.target.value)}
          options={[
            { value: 'unissued', label: t('入库待发放', 'Into stock, to issue') },
            { value: 'active', label: t('已在顾客手中（直接可用）', 'Already with customers (usable now)') },
          ]}
        />
        {result && (
          <div data-testid="import-result">
            <Alert
              showIcon
              type={result.refused ? 'warning' : 'success'}
              style={{ marginBottom: 8 }}
              title={t(`已导入 ${result.accepted} 个，拒绝 ${result.refused} 行`, `${result.accepted} imported, ${result.refused} line(s) refused`)}
            />
            {result.refusals.length > 0 && (
              <Table
                size="small"
                rowKey="line"
                pagination={result.refusals.length > 8 ? { pageSize: 8, size: 'small' } : false}
                dataSource={result.refusals}
                data-testid="import-refusals"
                columns={[
                  { title: t('行', 'Line'), dataIndex: 'line', width: 64, align: 'right' },
                  {
                    title: t('原因', 'Reason'),
                    dataIndex: 'reason',
                    width: 140,
                    render: (r: string) => <Tag color="orange">{REFUSAL_REASONS[r] ? t(...REFUSAL_REASONS[r]) : r}</Tag>,
                  },
                  { title: t('说明', 'Detail'), key: 'detail', render: (_: unknown, r) => <span className="kq-muted">{refusalDetail(t, r)}</span> },
                ]}
              />
            )}
          </div>
        )}
      </Space>
    </Modal>
  );
}
