import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, List, Modal, Radio, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { report } from '../../../api';
import type { TagCount, TagImportResult } from '../../../api/segments';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { num } from '../../../format';
import { Refusal } from '../../wholesale/Refusal';

/** 标签: the tenant's tags with how many members carry each, and 导入标签 from a CSV file. */
export function Tags({ canManage, onChanged }: { canManage: boolean; onChanged: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [rows, setRows] = useState<TagCount[]>([]);
  const [loading, setLoading] = useState(false);
  const [importing, setImporting] = useState(false);
  const load = useCallback(() => {
    setLoading(true);
    api
      .tags()
      .then((r) => setRows(r.data), report)
      .finally(() => setLoading(false));
  }, [api]);
  useEffect(load, [load]);
  return (
    <div data-testid="tags">
      {canManage && (
        <Button icon={<UploadOutlined />} style={{ marginBottom: 12 }} onClick={() => setImporting(true)} data-testid="tags-import">
          {t('导入标签（CSV）', 'Import tags (CSV)')}
        </Button>
      )}
      <Table<TagCount>
        rowKey="tag"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="tags-table"
        columns={[
          { title: t('标签', 'Tag'), dataIndex: 'tag' },
          { title: t('会员数', 'Members'), dataIndex: 'members', render: (v: number) => num(v) },
        ]}
      />
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onDone={() => {
            load();
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function ImportDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [by, setBy] = useState<'id' | 'external_id' | 'phone'>('external_id');
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<TagImportResult | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.importTags({ csv, by }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('导入标签', 'Import tags')}
      onCancel={onClose}
      onOk={result ? onClose : run}
      okText={result ? t('完成', 'Done') : t('导入', 'Import')}
      okButtonProps={{ loading: busy, disabled: !result && !csv.trim(), 'data-testid': 'tags-import-run' }}
      destroyOnHidden
    >
      <Refusal error={error} testId="tags-import-error" />
      {result ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="tags-import-result">
          <Alert
            type={result.unmatched.length ? 'warning' : 'success'}
            showIcon
            title={t(
              `读取 ${num(result.lines)} 行，匹配会员 ${num(result.members)} 位，新打标签 ${num(result.tagged)} 个；${num(result.unmatched.length)} 行未导入`,
              `${num(result.lines)} lines read, ${num(result.members)} members matched, ${num(result.tagged)} tags set; ${num(result.unmatched.length)} lines left out`,
            )}
          />
          {result.unmatched.length > 0 && (
            <List
              size="small"
              bordered
              style={{ maxHeight: 240, overflow: 'auto' }}
              dataSource={result.unmatched.slice(0, 200)}
              renderItem={(u) => <List.Item>{t(u.reason, u.reason_en)}</List.Item>}
            />
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t(
              '每行一位会员：第一列是会员，后面各列是标签，例如「crm-1001,高价值,沉睡」。第一行可以是表头。',
              'One member a line: the member first, then tags, e.g. “crm-1001,VIP,dormant”. The first line may be a header.',
            )}
          </Typography.Paragraph>
          <Space>
            <span>{t('第一列是', 'The first column is')}</span>
            <Radio.Group
              value={by}
              onChange={(e) => setBy(e.target.value)}
              options={[
                { value: 'external_id', label: t('外部会员编号', 'External id') },
                { value: 'phone', label: t('手机号', 'Phone') },
                { value: 'id', label: t('会员ID', 'Member id') },
              ]}
              data-testid="tags-import-by"
            />
          </Space>
          <Upload
            accept=".csv,.txt"
            maxCount={1}
            beforeUpload={(file) => {
              file.text().then(setCsv, report);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('选择 CSV 文件', 'Choose a CSV file')}</Button>
          </Upload>
          <Input.TextArea
            rows={6}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={t('或直接粘贴内容', 'or paste it here')}
            data-testid="tags-import-csv"
          />
        </Space>
      )}
    </Modal>
  );
}
