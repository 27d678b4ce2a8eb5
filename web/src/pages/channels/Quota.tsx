import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Grid, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { report, type Client, type ListQuery } from '../../api';
import type { Allocation, Channel, Holding } from '../../api/types';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { AllocateDialog, type AllocMode } from './AllocateDialog';

/**
 * 渠道分配 of one channel: its holdings per batch (granted · passed on · issued · available, the batch
 * and its template by name), 分配 / 收回 / 调拨, and its allocation history, newest first. Shared by the
 * console's channel tree (a drawer per channel) and the partner portal's 配额 section.
 */
export function QuotaPanel(props: {
  api: Client;
  channel: Channel;
  channels: Channel[];
  canManage: boolean;
  /** the partner's own channel: it allocates to its children, never to itself */
  self?: boolean;
  /** a row's extra action (the portal's 发券) */
  rowExtra?: (h: Holding) => ReactNode;
  /** bumped by the caller when something outside changed the holdings (a card issued) */
  reloadKey?: unknown;
}) {
  const { api, channel, channels, canManage, self } = props;
  const t = useT();
  const [holdings, setHoldings] = useState<Holding[] | null>(null);
  const [dialog, setDialog] = useState<{ mode: AllocMode; batchId?: string } | null>(null);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    api
      .holdings(channel.id)
      .then((r) => setHoldings(r.data))
      .catch(report);
  }, [api, channel.id]);
  useEffect(load, [load, props.reloadKey]);
  const done = () => {
    load();
    setVersion((v) => v + 1);
  };
  const hasChildren = channels.some((c) => c.parent_id === channel.id);
  // on a phone a holding's actions sit under its name, in view without scrolling the table
  const wide = Grid.useBreakpoint().md ?? true;
  const hasOps = canManage || !!props.rowExtra;
  const ops = (h: Holding) => (
    <Space size={4} wrap>
      {props.rowExtra?.(h)}
      {canManage && !self && (
        <Button size="small" icon={<RollbackOutlined />} onClick={() => setDialog({ mode: 'revoke', batchId: h.batch_id })} data-testid="quota-revoke">
          {t('收回', 'Take back')}
        </Button>
      )}
      {canManage && (
        <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog({ mode: 'transfer', batchId: h.batch_id })} data-testid="quota-transfer">
          {t('调拨', 'Transfer')}
        </Button>
      )}
    </Space>
  );
  const nameOf = (id: string | null) =>
    id == null ? t('品牌', 'The brand') : (channels.find((c) => c.id === id)?.name ?? (id === channel.parent_id ? t('上级渠道', 'Parent channel') : '—'));
  const batchName = (id: string) => holdings?.find((h) => h.batch_id === id)?.batch_name ?? '—';
  const fetch = useCallback((q: ListQuery) => api.allocations(channel.id, q), [api, channel.id]);
  const kinds: Record<Allocation['kind'], string> = { grant: t('分配', 'Allocated'), revoke: t('收回', 'Taken back'), transfer: t('调拨', 'Transferred') };

  return (
    <div data-testid="quota-panel">
      {canManage && (
        <div className="kq-toolbar">
          <Space wrap>
            {(!self || hasChildren) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'grant' })} data-testid="quota-grant">
                {self ? t('分配给下级', 'Allocate below') : t('分配', 'Allocate')}
              </Button>
            )}
          </Space>
        </div>
      )}
      <Typography.Title level={5}>{t('持有额度', 'Holdings')}</Typography.Title>
      <Table<Holding>
        rowKey="batch_id"
        size="small"
        loading={!holdings}
        dataSource={holdings ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('还没有分配给这个渠道的额度', 'Nothing allocated to this channel yet') }}
        data-testid="quota-holdings"
        columns={[
          {
            title: t('批次', 'Batch'),
            key: 'batch',
            render: (_: unknown, h) => (
              <Space direction="vertical" size={0}>
                <b>{h.batch_name ?? '—'}</b>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {h.template_name}
                </span>
                {!wide && hasOps && <div style={{ marginTop: 4 }}>{ops(h)}</div>}
              </Space>
            ),
          },
          { title: t('可用', 'Available'), dataIndex: 'available', align: 'right', render: (n: number) => <b data-testid="quota-available">{num(n)}</b> },
          { title: t('获得', 'Granted'), dataIndex: 'granted', align: 'right', render: num },
          { title: t('已分下级', 'Passed on'), dataIndex: 'allocated', align: 'right', render: num },
          { title: t('已发放', 'Issued'), dataIndex: 'issued', align: 'right', render: num },
          ...(wide && hasOps ? [{ title: '', key: 'ops', render: (_: unknown, h: Holding) => ops(h) }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('分配记录', 'Allocation history')}
      </Typography.Title>
      <DataTable<Allocation>
        fetch={fetch}
        rowKey="id"
        reloadKey={`${version}-${String(props.reloadKey ?? '')}`}
        pageSize={10}
        testId="quota-history"
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          {
            title: t('类型', 'Kind'),
            dataIndex: 'kind',
            render: (k: Allocation['kind'], a) => (
              <Tag color={a.to_channel_id === channel.id ? 'green' : 'orange'}>
                {kinds[k]}
                {a.to_channel_id === channel.id ? t('（转入）', ' (in)') : t('（转出）', ' (out)')}
              </Tag>
            ),
          },
          { title: t('批次', 'Batch'), dataIndex: 'batch_id', render: batchName },
          {
            title: t('从 → 到', 'From → to'),
            key: 'flow',
            render: (_: unknown, a) => `${nameOf(a.from_channel_id)} → ${nameOf(a.to_channel_id)}`,
          },
          {
            title: t('数量', 'Quantity'),
            dataIndex: 'quantity',
            align: 'right',
            render: (n: number, a) => `${num(n)}${a.codes ? t(' 个券码', ' codes') : ''}`,
          },
          {
            title: t('追踪参数', 'Parameters'),
            dataIndex: 'params',
            render: (p: Record<string, string>) =>
              Object.entries(p)
                .map(([k, v]) => `${k}=${v}`)
                .join(' · ') || '—',
          },
        ]}
      />
      <AllocateDialog
        api={api}
        mode={dialog?.mode ?? null}
        channel={channel}
        channels={channels}
        holdings={holdings ?? []}
        batchId={dialog?.batchId}
        fromSelf={self}
        onClose={() => setDialog(null)}
        onDone={done}
      />
    </div>
  );
}

/** The console's 额度 drawer of a channel (the channel tree's button). */
export function QuotaDrawer({
  api,
  channel,
  channels,
  canManage,
  onClose,
}: {
  api: Client;
  channel: Channel | null;
  channels: Channel[];
  canManage: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Drawer
      open={!!channel}
      onClose={onClose}
      size={wide ? 860 : '100%'}
      title={channel ? t(`「${channel.name}」的额度与分配`, `Quota of "${channel.name}"`) : ''}
      destroyOnHidden
      data-testid="quota-drawer"
    >
      {channel && <QuotaPanel api={api} channel={channel} channels={channels} canManage={canManage} />}
    </Drawer>
  );
}
