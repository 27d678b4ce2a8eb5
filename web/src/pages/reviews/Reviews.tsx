import { useCallback, useEffect, useState } from 'react';
import { Button, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Typography, message } from 'antd';
import { report, type Client } from '../../api';
import type { Me } from '../../api/types';
import { useT } from '../../i18n';
import { money, zonedTime } from '../../format';
import { PageTitle } from '../../components/PageTitle';

type Status = 'pending' | 'approved' | 'rejected' | 'expired';
type Page = Awaited<ReturnType<Client['reviews']>>;
type Review = Page['data'][number];

export const STATUS_WORDS: Record<Status, [string, string, string]> = {
  pending: ['待审核', 'Pending', 'gold'],
  approved: ['已通过', 'Approved', 'green'],
  rejected: ['已驳回', 'Rejected', 'red'],
  expired: ['已超时', 'Expired', 'default'],
};
const ACTION_WORDS: Record<string, [string, string]> = {
  redeem: ['核销', 'Redeem'],
  issue: ['发放', 'Issue'],
  claim: ['领取', 'Claim'],
  transfer: ['转赠', 'Transfer'],
  bind: ['绑定', 'Bind'],
};

/** What was asked, in words: who, which card or batch, how much, at which store, and which rule sent it here. */
export function askedWords(t: (zh: string, en: string) => string, r: Review, names: Record<string, string>, currency: string): string {
  const n = (id: unknown) => (typeof id === 'string' ? (names[id] ?? id) : null);
  const s = r.subjects;
  const what = ACTION_WORDS[r.action] ?? [r.action, r.action];
  const parts = [
    t(what[0], what[1]),
    n(s.card_id) ?? n(r.request.batch_id) ?? n(s.template_id),
    r.amount !== null ? money(r.amount, currency) : null,
    s.member_id ? t(`会员 ${n(s.member_id)}`, `member ${n(s.member_id)}`) : null,
    s.store_id ? t(`门店 ${n(s.store_id)}`, `at ${n(s.store_id)}`) : null,
  ].filter(Boolean);
  return parts.join(' · ');
}

/**
 * 人工审核 (GET /v1/reviews): requests a risk rule sent to review, newest first, each said in words
 * (who asked, what card or batch, how much, which rule); 通过 carries it out as asked, 驳回 (with a
 * reason) gives back what was held. Filters by status and action; decided ones keep who and why.
 */
export function Reviews({ api, me }: { api: Client; me: Me }) {
  const t = useT();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const [action, setAction] = useState<string>();
  const [rows, setRows] = useState<Review[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<Review | null>(null);
  const [reason, setReason] = useState('');
  const canDecide = me.can.includes('reviews.decide');
  const cur = me.tenant.currency;

  const load = useCallback(
    (more?: string) => {
      setBusy(true);
      api
        .reviews({ status: status === 'all' ? undefined : status, action, limit: 50, cursor: more })
        .then((p) => {
          setNames((x) => ({ ...x, ...p.names }));
          setRows((x) => (more ? [...x, ...p.data] : p.data));
          setCursor(p.next_cursor);
        })
        .catch(report)
        .finally(() => setBusy(false));
    },
    [api, status, action],
  );
  useEffect(() => load(), [load]);

  const approve = async (r: Review) => {
    try {
      await api.approveReview(r.id);
      message.success(t('已通过，已按申请完成', 'Approved: carried out as asked'));
      load();
    } catch (e) {
      report(e);
    }
  };
  const reject = async () => {
    if (!rejecting || !reason.trim()) return;
    try {
      await api.rejectReview(rejecting.id, reason.trim());
      message.success(t('已驳回，占用已释放', 'Rejected: the hold is released'));
      setRejecting(null);
      setReason('');
      load();
    } catch (e) {
      report(e);
    }
  };

  return (
    <>
      <PageTitle title={t('人工审核', 'Reviews')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          data-testid="reviews-status"
          value={status}
          onChange={(v) => setStatus(v as Status | 'all')}
          options={[
            ...(Object.keys(STATUS_WORDS) as Status[]).map((s) => ({ value: s, label: t(STATUS_WORDS[s][0], STATUS_WORDS[s][1]) })),
            { value: 'all', label: t('全部', 'All') },
          ]}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('操作类型', 'Action')}
          value={action}
          onChange={setAction}
          options={Object.entries(ACTION_WORDS).map(([k, [zh, en]]) => ({ value: k, label: t(zh, en) }))}
        />
      </Space>
      <Table<Review>
        rowKey="id"
        loading={busy}
        dataSource={rows}
        pagination={false}
        data-testid="reviews-table"
        columns={[
          {
            title: t('申请内容', 'Request'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{askedWords(t, r, names, cur)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('触发规则：', 'Rule: ')}
                  {r.rules.map((x) => x.name).join('、') || '—'}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('申请人', 'Asked by'), render: (_, r) => names[r.requested_by] ?? r.requested_by },
          { title: t('提交时间', 'Asked at'), render: (_, r) => zonedTime(r.created_at, me.tenant.time_zone) },
          {
            title: t('状态', 'Status'),
            render: (_, r) => {
              const w = STATUS_WORDS[r.status];
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={w[2]}>{t(w[0], w[1])}</Tag>
                  {r.status === 'pending' && (
                    <Typography.Text type="secondary">
                      {t(`保留至 ${zonedTime(r.hold_until, me.tenant.time_zone)}`, `held until ${zonedTime(r.hold_until, me.tenant.time_zone)}`)}
                    </Typography.Text>
                  )}
                  {r.decided_by && (
                    <Typography.Text type="secondary">
                      {names[r.decided_by] ?? (r.decided_by === 'system' ? t('系统', 'system') : r.decided_by)}
                      {r.reason ? ` · ${r.reason}` : ''}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: '',
            render: (_, r) =>
              r.status === 'pending' && canDecide ? (
                <Space>
                  <Popconfirm title={t('通过后将按申请完成操作，确定吗？', 'Approving carries the request out. Sure?')} onConfirm={() => approve(r)}>
                    <Button type="primary" size="small" data-testid="review-approve">
                      {t('通过', 'Approve')}
                    </Button>
                  </Popconfirm>
                  <Button danger size="small" data-testid="review-reject" onClick={() => setRejecting(r)}>
                    {t('驳回', 'Reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {cursor && (
        <Button block style={{ marginTop: 8 }} onClick={() => load(cursor)}>
          {t('加载更多', 'Load more')}
        </Button>
      )}
      <Modal
        open={!!rejecting}
        title={t('驳回审核', 'Reject')}
        okText={t('驳回', 'Reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={reject}
        onCancel={() => setRejecting(null)}
      >
        {rejecting && <p>{askedWords(t, rejecting, names, cur)}</p>}
        <Input.TextArea
          data-testid="review-reason"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('驳回原因（申请方会看到）', 'Why (the requester sees it)')}
        />
      </Modal>
    </>
  );
}
