import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { report } from '../../api';
import type { Batch, Channel, ExportRecord } from '../../api/types';
import { useT } from '../../i18n';
import { num, zonedTime } from '../../format';
import { useConsole } from '../../apps/Console';
import { CreateDelivery } from '../deliveries/CreateDelivery';

/** Saves a downloaded file under a name the person recognises. */
export function saveFile(blob: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
const csvLines = async (blob: Blob) => Math.max(0, (await blob.text()).trim().split('\n').length - 1);

/**
 * 导出券码 and 导出记录: says what this export will contain (how many of the codes not yet exported),
 * or — when every code is out — that there is nothing left and where the earlier files are; exports
 * with a confirm step; says "已导出 N 张" after; lists every export (who, when, how many, which, in the
 * tenant's time zone) with a download again while its 24-hour window lasts.
 */
export function ExportCodes(props: { batch: Batch | null; channels: Channel[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { api, me } = useConsole();
  const tz = me.tenant.time_zone;
  const [limit, setLimit] = useState<number | null>(null);
  const [channel, setChannel] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<ExportRecord[] | null>(null);
  const [delivering, setDelivering] = useState<ExportRecord | null>(null);
  const canDeliver = me.can.includes('deliveries.manage');
  const b = props.batch;
  const left = b?.unissued ?? 0;
  const loadHistory = useCallback(async () => {
    if (!b) return;
    try {
      setHistory((await api.exports(b.id)).data);
    } catch (e) {
      report(e);
    }
  }, [api, b]);
  useEffect(() => {
    setConfirmed(false);
    setLimit(null);
    setChannel(undefined);
    setHistory(null);
    loadHistory();
  }, [loadHistory]);

  const run = async () => {
    if (!b) return;
    setBusy(true);
    try {
      const { blob, exportId } = await api.exportBatch(b.id, { limit: limit ?? undefined, channel_id: channel });
      saveFile(blob, `${b.name}-${exportId ?? b.id}.csv`);
      const n = (await api.exports(b.id)).data.find((e) => e.id === exportId)?.codes ?? (await csvLines(blob));
      message.success({ content: <span data-testid="export-done">{t(`已导出 ${num(n)} 张`, `${num(n)} codes exported`)}</span>, duration: 6 });
      props.onDone();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  const again = async (e: ExportRecord) => {
    if (!b) return;
    try {
      saveFile(await api.downloadExport(b.id, e.id), `${b.name}-${e.id}.csv`);
      message.success({ content: <span data-testid="refetch-done">{t(`已重新下载 ${num(e.codes)} 张`, `${num(e.codes)} codes downloaded again`)}</span> });
      loadHistory();
    } catch (err) {
      report(err);
    }
  };

  const exportedBefore = (history ?? []).filter((e) => e.kind === 'new').reduce((a, e) => a + e.codes, 0);
  const taking = limit ? Math.min(limit, left) : left;
  return (
    <Modal
      open={!!b}
      width={760}
      title={(left > 0 ? t('导出券码', 'Export codes') : t('导出记录', 'Export history')) + (b ? ` · ${b.name}` : '')}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        left > 0 ? (
          <Space>
            <Button onClick={props.onClose}>{t('取消', 'Cancel')}</Button>
            <Button type="primary" danger disabled={!confirmed} loading={busy} onClick={run} data-testid="export-confirm">
              {t(`确认导出 ${num(taking)} 张`, `Export ${num(taking)} codes`)}
            </Button>
          </Space>
        ) : (
          <Button onClick={props.onClose} data-testid="export-close">
            {t('关闭', 'Close')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {left > 0 ? (
          <>
            <Alert
              type="info"
              showIcon
              data-testid="export-summary"
              title={t(
                `本次导出：从未导出的 ${num(left)} 张中按生成顺序取出 ${num(taking)} 张`,
                `This export takes ${num(taking)} of the ${num(left)} codes not yet exported, in generation order`,
              )}
              description={
                exportedBefore > 0
                  ? t(
                      `此前已导出 ${num(exportedBefore)} 张，不会再次导出；要再次拿到那些文件，请在下方导出记录中重新下载。`,
                      `${num(exportedBefore)} codes were exported before and are not exported again; to get those files again, download them from the history below.`,
                    )
                  : undefined
              }
            />
            <Alert
              type="warning"
              showIcon
              title={t('导出的券码即可使用，等同现金', 'Exported codes are live: treat the file like cash')}
              description={t(
                '导出会把券码从库存中取出并标记为已发放（无记名），导出动作写入审计日志。请通过安全渠道传递文件。',
                'Export takes codes out of the pool as issued bearer codes, and is written to the audit log. Send the file over a secure channel.',
              )}
            />
            <Typography.Text>{t('数量（不填为全部未导出的）', 'How many (empty = all not yet exported)')}</Typography.Text>
            <InputNumber min={1} max={Math.max(1, left)} value={limit} onChange={(v) => setLimit(v)} style={{ width: '100%' }} />
            {props.channels.length > 0 && (
              <>
                <Typography.Text>{t('分配给渠道（可选）', 'Allocate to a channel (optional)')}</Typography.Text>
                <Select
                  allowClear
                  value={channel}
                  onChange={setChannel}
                  style={{ width: '100%' }}
                  options={props.channels.map((c) => ({ value: c.id, label: c.name }))}
                />
              </>
            )}
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="export-ack">
              {t('我已了解，文件将妥善保管', 'I understand and will keep the file safe')}
            </Checkbox>
          </>
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="export-summary"
            title={t(
              '未导出的 0 张；已全部导出，可在导出记录中重新下载',
              'None left to export: every code is out. Download an earlier file again from the history below',
            )}
            description={t(
              '再次导出不会产生新的券码。导出后 24 小时内可以重新下载同一份文件（同样的券码、同样的顺序）。',
              'Exporting again would give no new code. For 24 hours after an export, its file can be downloaded again (the same codes in the same order).',
            )}
          />
        )}
        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('导出记录', 'Export history')}
        </Typography.Title>
        <Table<ExportRecord>
          size="small"
          rowKey="id"
          loading={history === null}
          dataSource={history ?? []}
          pagination={(history?.length ?? 0) > 6 ? { pageSize: 6, size: 'small' } : false}
          data-testid="export-history"
          locale={{ emptyText: t('还没有导出过', 'Nothing exported yet') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('导出时间', 'Exported'), dataIndex: 'created_at', render: (v: string) => zonedTime(v, tz) },
            {
              title: t('操作人', 'By'),
              dataIndex: 'actor_name',
              render: (v: string, e) => (e.actor.startsWith('key:') ? t(`密钥 ${v}`, `Key ${v}`) : v),
            },
            { title: t('数量', 'Codes'), dataIndex: 'codes', align: 'right', render: num },
            {
              title: t('范围', 'Which'),
              key: 'range',
              render: (_: unknown, e) => (
                <Space size={4}>
                  <span>{e.seq_from != null ? t(`第 ${num(e.seq_from)}–${num(e.seq_to)} 张`, `#${num(e.seq_from)}–${num(e.seq_to)}`) : '—'}</span>
                  <Tag color={e.kind === 'new' ? 'blue' : 'default'}>
                    {e.kind === 'new' ? t('从库存取出', 'From stock') : t('重新导出已发出的', 'Re-export')}
                  </Tag>
                </Space>
              ),
            },
            {
              title: t('可重新下载至', 'Download again until'),
              dataIndex: 'refetch_until',
              render: (v: string, e) => (e.refetchable ? zonedTime(v, tz) : <span className="kq-muted">{t('已过期', 'Expired')}</span>),
            },
            {
              title: '',
              key: 'again',
              render: (_: unknown, e) => (
                <Space size={4}>
                  <Tooltip title={e.refetchable ? undefined : t('导出已超过 24 小时，文件不能再下载', 'More than 24 hours since the export: the file is gone')}>
                    <Button size="small" icon={<DownloadOutlined />} disabled={!e.refetchable} onClick={() => again(e)} data-testid={`refetch-${e.id}`}>
                      {t('重新下载', 'Download again')}
                    </Button>
                  </Tooltip>
                  {canDeliver && (
                    <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => setDelivering(e)} data-testid={`deliver-${e.id}`}>
                      {t('安全交付', 'Deliver safely')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`时间为商户时区 ${tz}`, `Times in the tenant’s time zone, ${tz}`)}
        </Typography.Text>
      </Space>
      <CreateDelivery
        api={api}
        open={!!delivering && !!b}
        source={delivering && b ? { export: { batch_id: b.id, export_id: delivering.id } } : null}
        sourceLabel={
          delivering && b
            ? t(`批次「${b.name}」的导出 · ${num(delivering.codes)} 张`, `Export of batch "${b.name}" · ${num(delivering.codes)} codes`)
            : undefined
        }
        onClose={() => setDelivering(null)}
      />
    </Modal>
  );
}
