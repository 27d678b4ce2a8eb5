import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, List, Modal, Space, Table, Tag, Typography, message } from 'antd';
import { report } from '../../api';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { num, zonedTime } from '../../format';
import { countKinds, differenceWords, kindWords, type Recon } from './reconWords';

/** The reports' batch names (a report names its batch by id): fetched once per batch. */
function useBatchNames(ids: string[]) {
  const { api } = useConsole();
  const [names, setNames] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const id of ids)
      if (!asked.current.has(id)) {
        asked.current.add(id);
        api
          .batch(id)
          .then((b) => setNames((n) => ({ ...n, [id]: b.name })))
          .catch(() => undefined);
      }
  }, [api, ids.join()]);
  return names;
}

/** Each kind of difference a report found, counted: 微信已核销、卡券未核销 ×2 … or 一致. */
function Counts({ r }: { r: Recon }) {
  const t = useT();
  const counts = countKinds(r);
  if (!counts.length) return <Tag color="green">{t('两边一致', 'Both sides agree')}</Tag>;
  return (
    <Space size={4} wrap>
      {counts.map(([k, n]) => {
        const [zh, en, color] = kindWords(k);
        return (
          <Tag key={k} color={color} data-testid={`recon-kind-${k}`}>
            {t(`${zh} ${n}`, `${en} ${n}`)}
          </Tag>
        );
      })}
    </Space>
  );
}

/** One report: what was compared and each difference in words, the code masked as everywhere in the console. */
function Detail({ r, batchName, onClose }: { r: Recon | null; batchName?: string; onClose: () => void }) {
  const t = useT();
  const { me } = useConsole();
  return (
    <Modal open={!!r} title={t('对账报告', 'Reconciliation report')} onCancel={onClose} footer={null} width={680}>
      {r && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="recon-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('对账时间', 'When')}>{zonedTime(r.created_at, me.tenant.time_zone)}</Descriptions.Item>
            <Descriptions.Item label={t('批次', 'Batch')}>{batchName ?? '…'}</Descriptions.Item>
            <Descriptions.Item label={t('微信批次号', 'WeChat stock id')}>{r.stock_id ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('逐张核对的已领取券', 'Claimed coupons checked one by one')}>{num(r.checked)}</Descriptions.Item>
          </Descriptions>
          {r.differences.length === 0 ? (
            <Alert type="success" showIcon message={t('两边一致，没有差异。', 'Both sides agree; no differences.')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={r.differences}
              renderItem={(d, i) => {
                const [zh, en, color] = kindWords(d.kind);
                const [szh, sen] = differenceWords(d);
                return (
                  <List.Item key={i} data-testid={`recon-diff-${d.kind}`}>
                    <Space direction="vertical" size={2}>
                      <Space>
                        <Tag color={color}>{t(zh, en)}</Tag>
                        {d.code_tail && (
                          <span className="kq-mono">
                            {t('券码', 'Code')} •••• {d.code_tail}
                          </span>
                        )}
                      </Space>
                      <span>{t(szh, sen)}</span>
                      {d.kind === 'query_failed' && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('微信支付的答复：', 'WeChat Pay answered: ')}
                          {d.detail.replace(/^stock: /, '')}
                        </Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t(
              '微信不提供批次券码清单：只能逐张核对已知被领取的券（每次最多 200 张）；未收到领取通知的券只体现在领取数量里。',
              'WeChat lists no stock’s codes: only coupons known to be claimed are checked one by one (200 a run); claims never notified show only in the count.',
            )}
          </Typography.Paragraph>
        </Space>
      )}
    </Modal>
  );
}

/**
 * 微信支付商家券对账: the reports, newest first — when, which batch, how many of each difference — a
 * report's differences in words, and 立即对账 (a job: the report appears here a moment later).
 * `batchId`: only that batch's reports (the batch's WeChat panel); otherwise all (the settings page),
 * each row able to reconcile its batch again.
 */
export function Reconciliations({ batchId, canRun }: { batchId?: string; canRun: boolean }) {
  const t = useT();
  const { api, me } = useConsole();
  const [reports, setReports] = useState<Recon[] | null>(null);
  const [open, setOpen] = useState<Recon | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api
        .wechatReconciliations()
        .then((d) => setReports(d.data.filter((r) => !batchId || r.batch_id === batchId)))
        .catch(report),
    [api, batchId],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const names = useBatchNames([...new Set((reports ?? []).map((r) => r.batch_id))]);
  const run = async (id: string) => {
    setBusy(id);
    try {
      await api.reconcileWechat(id);
      message.info(t('已开始对账，报告稍后出现在列表中', 'Reconciling; the report appears in the list in a moment'));
      for (const ms of [1500, 4000, 10000]) setTimeout(() => void load(), ms);
    } catch (e) {
      report(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      size="small"
      title={t('微信支付商家券对账', 'WeChat Pay coupon reconciliation')}
      data-testid="wechat-recon"
      extra={
        <Space>
          <Button size="small" onClick={() => void load()}>
            {t('刷新', 'Refresh')}
          </Button>
          {batchId && canRun && (
            <Button size="small" type="primary" loading={busy === batchId} onClick={() => run(batchId)} data-testid="recon-run">
              {t('立即对账', 'Reconcile now')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={reports === null}
        dataSource={reports ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('还没有对账报告（每天自动对账一次）', 'No reports yet (reconciled once a day)') }}
        columns={[
          { title: t('对账时间', 'When'), render: (_, r) => zonedTime(r.created_at, me.tenant.time_zone), width: 150 },
          ...(batchId ? [] : [{ title: t('批次', 'Batch'), render: (_: unknown, r: Recon) => names[r.batch_id] ?? '…' }]),
          { title: t('逐张核对', 'Checked'), render: (_, r) => num(r.checked), width: 80 },
          { title: t('差异', 'Differences'), render: (_, r) => <Counts r={r} /> },
          {
            title: '',
            width: 160,
            render: (_, r) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setOpen(r)} data-testid="recon-open">
                  {t('查看', 'View')}
                </Button>
                {!batchId && canRun && (
                  <Button size="small" type="link" loading={busy === r.batch_id} onClick={() => run(r.batch_id)}>
                    {t('再次对账', 'Reconcile again')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Detail r={open} batchName={open ? names[open.batch_id] : undefined} onClose={() => setOpen(null)} />
    </Card>
  );
}
