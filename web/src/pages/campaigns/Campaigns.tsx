import { useCallback, useState } from 'react';
import { Button, Popconfirm, Select, Space, Tag, message } from 'antd';
import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Campaign, CampaignsQuery } from '../../api/campaigns';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, num, time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { CampaignForm } from './CampaignForm';
import { LinkDialog } from './LinkDialog';

const STATE: Record<Campaign['state'], { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  scheduled: { zh: '未开始', en: 'Scheduled', color: 'blue' },
  live: { zh: '进行中', en: 'Live', color: 'green' },
  paused: { zh: '已暂停', en: 'Paused', color: 'orange' },
  sold_out: { zh: '已领完', en: 'Sold out', color: 'purple' },
  ended: { zh: '已结束', en: 'Ended', color: 'default' },
};
const STATUS: Record<Campaign['status'], { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  live: { zh: '已上线', en: 'Live' },
  paused: { zh: '已暂停', en: 'Paused' },
  ended: { zh: '已结束', en: 'Ended' },
};

/**
 * 领券中心: every campaign with what it gives, its audience, window, stock left and limit, and its
 * results (领取、会员、发券、核销、带动销售额; a share campaign's links, friends and credits);
 * 上线 / 暂停 / 结束, edit, and the claim link with its QR code.
 */
export function Campaigns() {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('campaigns.manage');
  const [reload, setReload] = useState(0);
  const [status, setStatus] = useState<Campaign['status'] | undefined>();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [link, setLink] = useState<Campaign | null>(null);
  const fetch = useCallback((q: ListQuery) => api.campaigns(q as CampaignsQuery), [api]);
  const move = async (c: Campaign, to: 'publish' | 'pause' | 'end', done: string) => {
    try {
      const x = await api.moveCampaign(c.id, to);
      message.success(`${done}：${x.name}`);
      setReload((n) => n + 1);
    } catch (e) {
      report(e);
    }
  };
  return (
    <div data-testid="campaigns">
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="campaign-new">
            {t('新建活动', 'New campaign')}
          </Button>
        )}
        <Select
          allowClear
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS).map(([k, s]) => ({ value: k, label: t(s.zh, s.en) }))}
          data-testid="campaign-status-filter"
        />
      </Space>
      <DataTable<Campaign>
        fetch={fetch}
        rowKey="id"
        filters={{ status }}
        reloadKey={reload}
        testId="campaigns-table"
        columns={[
          {
            title: t('活动', 'Campaign'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <span>
                  <b>{v}</b> {r.kind === 'share' && <Tag color="magenta">{t('分享领券', 'Share')}</Tag>}
                </span>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {t('领取得：', 'Gives: ')}
                  {r.gives.map((g) => g.name).join('、')}
                </span>
                {r.share && (
                  <span className="kq-muted" style={{ fontSize: 12 }}>
                    {r.share.credit_on === 'claim'
                      ? t('好友领取后，分享人得：', 'Sharer gets on a friend’s claim: ')
                      : t('好友核销后，分享人得：', 'Sharer gets on a friend’s redemption: ')}
                    {r.credit_gives.map((g) => g.name).join('、')}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('参与会员', 'Audience'),
            key: 'audience',
            render: (_, r) => (r.audience ? (r.audience.segment_name ?? t('已删除的人群', 'A deleted segment')) : t('所有会员', 'Everyone')),
          },
          {
            title: t('活动时间', 'Window'),
            key: 'window',
            render: (_, r) =>
              r.starts_at && r.ends_at
                ? `${time(r.starts_at)} ~ ${time(r.ends_at)}`
                : r.ends_at
                  ? t(`截止 ${time(r.ends_at)}`, `Until ${time(r.ends_at)}`)
                  : r.starts_at
                    ? t(`${time(r.starts_at)} 起`, `From ${time(r.starts_at)}`)
                    : t('长期', 'Always'),
          },
          {
            title: t('总量', 'Stock'),
            key: 'stock',
            render: (_, r) =>
              r.stock === null
                ? t(`不限（已领 ${num(r.claimed)}）`, `No cap (${num(r.claimed)} claimed)`)
                : t(`剩 ${num(r.left)} / ${num(r.stock)}`, `${num(r.left)} of ${num(r.stock)} left`),
          },
          { title: t('每人限领', 'Per member'), dataIndex: 'per_member_limit' },
          {
            title: t('效果', 'Results'),
            key: 'results',
            render: (_, r) => (
              <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
                <span>
                  {t(`领取 ${num(r.results.claimed)} · 会员 ${num(r.results.members)}`, `${num(r.results.claimed)} claims · ${num(r.results.members)} members`)}
                </span>
                <span>
                  {t(`发券 ${num(r.results.cards)} · 核销 ${num(r.results.redeemed)}`, `${num(r.results.cards)} cards · ${num(r.results.redeemed)} redeemed`)}
                </span>
                <span>{t(`带动销售 ${money(r.results.gmv, cur)}`, `GMV ${money(r.results.gmv, cur)}`)}</span>
                {r.kind === 'share' && (
                  <span>
                    {t(
                      `分享 ${num(r.results.shares)} · 好友领取 ${num(r.results.friends)} · 奖励 ${num(r.results.credited)}`,
                      `${num(r.results.shares)} links · ${num(r.results.friends)} friends · ${num(r.results.credited)} credited`,
                    )}
                  </span>
                )}
              </Space>
            ),
          },
          { title: t('状态', 'State'), dataIndex: 'state', render: (s: Campaign['state']) => <Tag color={STATE[s].color}>{t(STATE[s].zh, STATE[s].en)}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r: Campaign) => (
              <Space wrap>
                <Button size="small" icon={<QrcodeOutlined />} onClick={() => setLink(r)} data-testid={`campaign-link-${r.id}`}>
                  {t('链接', 'Link')}
                </Button>
                {canManage && r.status !== 'ended' && (
                  <Button size="small" onClick={() => setEditing(r)} data-testid={`campaign-edit-${r.id}`}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {canManage && (r.status === 'draft' || r.status === 'paused') && (
                  <Button size="small" type="primary" onClick={() => move(r, 'publish', t('已上线', 'Live'))} data-testid={`campaign-publish-${r.id}`}>
                    {t('上线', 'Publish')}
                  </Button>
                )}
                {canManage && r.status === 'live' && (
                  <Button size="small" onClick={() => move(r, 'pause', t('已暂停', 'Paused'))} data-testid={`campaign-pause-${r.id}`}>
                    {t('暂停', 'Pause')}
                  </Button>
                )}
                {canManage && r.status !== 'ended' && (
                  <Popconfirm
                    title={t('结束后不能再领取，也不能重新上线，确定吗？', 'No more claims, and it cannot go live again. End it?')}
                    onConfirm={() => move(r, 'end', t('已结束', 'Ended'))}
                  >
                    <Button size="small" danger data-testid={`campaign-end-${r.id}`}>
                      {t('结束', 'End')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CampaignForm
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            message.success(t(`已保存：${c.name}`, `Saved: ${c.name}`));
            setEditing(null);
            setReload((n) => n + 1);
          }}
        />
      )}
      {link && <LinkDialog campaign={link} onClose={() => setLink(null)} />}
    </div>
  );
}
