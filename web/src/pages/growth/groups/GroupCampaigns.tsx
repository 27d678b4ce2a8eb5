import { useCallback, useState } from 'react';
import { Button, Drawer, Popconfirm, Select, Space, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../../api';
import type { GroupCampaign, GroupRow } from '../../../api/groups';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { money, num, time } from '../../../format';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { CampaignDialog } from './CampaignDialog';
import { GROUP_STATE, limitText, rewardsText } from './words';

const STATUS: Record<GroupCampaign['status'], { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  published: { zh: '进行中', en: 'Published', color: 'green' },
  paused: { zh: '已暂停', en: 'Paused', color: 'orange' },
};

/**
 * 组团活动 (docs/growth.md "Group unlock"): every campaign with its terms and results — groups started, filled
 * (成团), expired, members, cards given and redeemed — 新建/编辑, 发布/暂停, and a campaign's groups with their
 * members by name and state.
 */
export function GroupCampaigns() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('groups.manage');
  const [reload, setReload] = useState(0);
  const [status, setStatus] = useState<string | undefined>();
  const [editing, setEditing] = useState<GroupCampaign | 'new' | null>(null);
  const [open, setOpen] = useState<GroupCampaign | null>(null);
  const fetch = useCallback((q: ListQuery) => api.groupCampaigns(q), [api]);
  const act = async (f: () => Promise<GroupCampaign>, done: string) => {
    try {
      const c = await f();
      message.success(`${done}：${c.name}`);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  return (
    <div data-testid="group-campaigns">
      <PageTitle title={t('组团活动', 'Group campaigns')} />
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="group-campaign-new">
            {t('新建组团活动', 'New group campaign')}
          </Button>
        )}
        <Select
          allowClear
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS).map(([k, s]) => ({ value: k, label: t(s.zh, s.en) }))}
        />
      </Space>
      <DataTable<GroupCampaign>
        fetch={fetch}
        rowKey="id"
        filters={{ status }}
        reloadKey={reload}
        testId="group-campaigns-table"
        columns={[
          {
            title: t('活动', 'Campaign'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {t(`${r.size} 人成团 · ${limitText(t, r.time_limit_minutes)}内`, `${r.size} to unlock · within ${limitText(t, r.time_limit_minutes)}`)}
                  {r.audience ? ` · ${r.audience.segment_name ?? t('指定人群', 'a segment')}` : ''}
                </span>
              </Space>
            ),
          },
          { title: t('每人获得', 'Each gets'), key: 'rewards', render: (_, r) => rewardsText(t, r.rewards, r.rewards_names) },
          {
            title: t('名额', 'Stock'),
            key: 'stock',
            render: (_, r) => (r.stock === null ? t('不限', 'Unlimited') : t(`剩 ${r.left} / ${r.stock}`, `${r.left} of ${r.stock} left`)),
          },
          {
            title: t('开团 / 成团 / 过期', 'Started / unlocked / expired'),
            key: 'groups',
            render: (_, r) => (
              <span data-testid={`group-results-${r.id}`}>
                {num(r.results.started)} / {num(r.results.unlocked)} / {num(r.results.expired)}
              </span>
            ),
          },
          {
            title: t('参与会员 · 发券 · 核销', 'Members · cards · redeemed'),
            key: 'members',
            render: (_, r) =>
              `${num(r.results.members)} · ${num(r.results.cards)} · ${num(r.results.redeemed_cards)}${r.results.gmv ? ` (${money(r.results.gmv, me.tenant.currency)})` : ''}`,
          },
          {
            title: t('开团时间', 'Window'),
            key: 'window',
            render: (_, r) => (r.starts_at || r.ends_at ? `${time(r.starts_at)} ~ ${time(r.ends_at)}` : t('长期', 'Always')),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: GroupCampaign['status']) => <Tag color={STATUS[s].color}>{t(STATUS[s].zh, STATUS[s].en)}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r: GroupCampaign) => (
              <Space>
                <Button size="small" onClick={() => setOpen(r)} data-testid={`group-campaign-groups-${r.id}`}>
                  {t('查看团', 'Groups')}
                </Button>
                {canManage && (
                  <Button size="small" onClick={() => setEditing(r)} data-testid={`group-campaign-edit-${r.id}`}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {canManage &&
                  (r.status === 'published' ? (
                    <Popconfirm
                      title={t(
                        '暂停后不能再开新团，进行中的团仍可在时限内凑齐。确定吗？',
                        'No new group can start; open groups may still fill in time. Pause?',
                      )}
                      onConfirm={() => act(() => api.pauseGroupCampaign(r.id), t('已暂停', 'Paused'))}
                    >
                      <Button size="small" data-testid={`group-campaign-pause-${r.id}`}>
                        {t('暂停', 'Pause')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => act(() => api.publishGroupCampaign(r.id), t('已发布', 'Published'))}
                      data-testid={`group-campaign-publish-${r.id}`}
                    >
                      {t('发布', 'Publish')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CampaignDialog
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            message.success(t(`已保存：${c.name}`, `Saved: ${c.name}`));
            setEditing(null);
            setReload((x) => x + 1);
          }}
        />
      )}
      <Drawer open={!!open} width={720} title={open ? t(`${open.name} · 团列表`, `${open.name} · groups`) : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <Groups campaign={open} />}
      </Drawer>
    </div>
  );
}

/** A campaign's groups: the starter, members by name (with what each was given), progress, deadline and state. */
function Groups({ campaign }: { campaign: GroupCampaign }) {
  const t = useT();
  const { api } = useConsole();
  const [state, setState] = useState<string | undefined>();
  const fetch = useCallback((q: ListQuery) => api.campaignGroups(campaign.id, q), [api, campaign.id]);
  return (
    <>
      <Select
        allowClear
        placeholder={t('全部状态', 'Any state')}
        style={{ width: 140, marginBottom: 12 }}
        value={state}
        onChange={setState}
        options={Object.entries(GROUP_STATE).map(([k, s]) => ({ value: k, label: t(s.zh, s.en) }))}
      />
      <DataTable<GroupRow>
        fetch={fetch}
        rowKey="id"
        filters={{ state }}
        testId="group-list"
        columns={[
          { title: t('团长', 'Started by'), dataIndex: 'leader_name', render: (v: string | null) => v ?? '—' },
          {
            title: t('成员', 'Members'),
            key: 'members',
            render: (_, g) => (
              <Space size={[4, 4]} wrap>
                {g.members.map((m) => (
                  <Tag key={m.seat} color={m.grant_id ? 'green' : m.reward_problem ? 'red' : undefined} title={m.reward_problem ?? undefined}>
                    {m.name ?? t('会员', 'Member')}
                    {m.reward_problem ? t('（未发放）', ' (not given)') : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('进度', 'Progress'), key: 'progress', render: (_, g) => `${g.joined} / ${g.size}` },
          { title: t('截止', 'Deadline'), dataIndex: 'deadline', render: (v: string) => time(v) },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (s: GroupRow['state'], g) => (
              <Space size={4}>
                <Tag color={GROUP_STATE[s].color}>{t(GROUP_STATE[s].zh, GROUP_STATE[s].en)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {g.unlocked_at ? time(g.unlocked_at) : g.expired_at ? time(g.expired_at) : ''}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
