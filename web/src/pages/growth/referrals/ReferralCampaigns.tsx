import { useEffect, useState } from 'react';
import { Button, Drawer, Space, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report } from '../../../api';
import type { ReferralCampaign, ReferralRow } from '../../../api/referrals';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { money, num, time } from '../../../format';
import { PageTitle } from '../../../components/PageTitle';
import { rewardsText } from '../groups/words';
import { ReferralDialog } from './ReferralDialog';
import { QUALIFY, REFERRAL_STATE } from './words';

const STATUS: Record<ReferralCampaign['status'], { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  live: { zh: '进行中', en: 'Live', color: 'green' },
  paused: { zh: '已暂停', en: 'Paused', color: 'orange' },
};

/**
 * 邀请有礼 (docs/growth.md "Referrals"): campaigns with their terms and results — friends invited, rewarded,
 * cancelled, cards given and redeemed, GMV — 新建/编辑, 上线/暂停, and a campaign's referrals by name.
 */
export function ReferralCampaigns() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('referrals.manage');
  const [rows, setRows] = useState<ReferralCampaign[]>([]);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<ReferralCampaign | 'new' | null>(null);
  const [open, setOpen] = useState<ReferralCampaign | null>(null);
  useEffect(() => {
    api.referralCampaigns().then((r) => setRows(r.data), report);
  }, [api, reload]);
  const act = async (f: () => Promise<ReferralCampaign>, done: string) => {
    try {
      const c = await f();
      message.success(`${done}：${c.name}`);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const give = (r: ReferralCampaign['referrer_rewards'], names: (string | null)[]) => (r ? rewardsText(t, r, names) : t('无', 'nothing'));
  return (
    <div data-testid="referral-campaigns">
      <PageTitle title={t('邀请有礼', 'Referrals')} />
      {canManage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="referral-campaign-new">
          {t('新建邀请有礼活动', 'New referral campaign')}
        </Button>
      )}
      <Table<ReferralCampaign>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        data-testid="referral-campaigns-table"
        columns={[
          {
            title: t('活动', 'Campaign'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {t(QUALIFY[r.qualify_on].label, QUALIFY[r.qualify_on].labelEn)}
                  {r.qualify_on === 'first_order' && r.return_days > 0 ? t(` · 观察期 ${r.return_days} 天`, ` · ${r.return_days}-day return window`) : ''}
                  {r.per_referrer_cap ? t(` · 每人最多奖励 ${r.per_referrer_cap} 位好友`, ` · up to ${r.per_referrer_cap} friends each`) : ''}
                </span>
              </Space>
            ),
          },
          { title: t('邀请人得', 'Referrer gets'), render: (_: unknown, r) => give(r.referrer_rewards, r.referrer_rewards_names) },
          { title: t('好友得', 'Friend gets'), render: (_: unknown, r) => give(r.referee_rewards, r.referee_rewards_names) },
          {
            title: t('效果', 'Results'),
            render: (_: unknown, r) => (
              <span style={{ fontSize: 12 }} data-testid={`referral-results-${r.id}`}>
                {t(
                  `邀请 ${num(r.results.referrals)} · 已发奖 ${num(r.results.rewarded)} · 待发放 ${num(r.results.qualified)} · 取消 ${num(r.results.cancelled)}`,
                  `${num(r.results.referrals)} invited · ${num(r.results.rewarded)} rewarded · ${num(r.results.qualified)} due · ${num(r.results.cancelled)} cancelled`,
                )}
                <br />
                {t(
                  `发券 ${num(r.results.cards)} · 核销 ${num(r.results.redeemed_cards)} · 积分 ${num(r.results.points)} · 带动 ${money(r.results.gmv)}`,
                  `${num(r.results.cards)} cards · ${num(r.results.redeemed_cards)} redeemed · ${num(r.results.points)} points · GMV ${money(r.results.gmv)}`,
                )}
              </span>
            ),
          },
          {
            title: t('时间', 'Runs'),
            render: (_: unknown, r) => (r.starts_at || r.ends_at ? `${time(r.starts_at)} ~ ${time(r.ends_at)}` : t('长期', 'Always')),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: ReferralCampaign['status']) => <Tag color={STATUS[s].color}>{t(STATUS[s].zh, STATUS[s].en)}</Tag>,
          },
          {
            title: '',
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => setOpen(r)}>
                  {t('邀请记录', 'Referrals')}
                </Button>
                {canManage && (
                  <>
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('编辑', 'Edit')}
                    </Button>
                    {r.status === 'live' ? (
                      <Button size="small" onClick={() => act(() => api.pauseReferralCampaign(r.id), t('已暂停', 'Paused'))}>
                        {t('暂停', 'Pause')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => act(() => api.publishReferralCampaign(r.id), t('已上线', 'Live'))}
                        data-testid={`referral-publish-${r.id}`}
                      >
                        {t('上线', 'Go live')}
                      </Button>
                    )}
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ReferralDialog
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            message.success(t(`已保存：${c.name}`, `Saved: ${c.name}`));
            setEditing(null);
            setReload((x) => x + 1);
          }}
        />
      )}
      {open && <ReferralsDrawer campaign={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

/** A campaign's referrals: who invited whom, the state, when due, and why a side got nothing. */
function ReferralsDrawer({ campaign, onClose }: { campaign: ReferralCampaign; onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [rows, setRows] = useState<ReferralRow[]>([]);
  useEffect(() => {
    api.referrals(campaign.id).then((r) => setRows(r.data), report);
  }, [api, campaign.id]);
  return (
    <Drawer open width={760} title={t(`邀请记录：${campaign.name}`, `Referrals: ${campaign.name}`)} onClose={onClose}>
      <Table<ReferralRow>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('邀请人', 'Referrer'), render: (_: unknown, r) => r.referrer_name ?? '—' },
          { title: t('好友', 'Friend'), render: (_: unknown, r) => r.referee_name ?? '—' },
          { title: t('加入时间', 'Joined'), render: (_: unknown, r) => time(r.created_at) },
          {
            title: t('状态', 'State'),
            render: (_: unknown, r) => <Tag color={REFERRAL_STATE[r.state].color}>{t(REFERRAL_STATE[r.state].zh, REFERRAL_STATE[r.state].en)}</Tag>,
          },
          {
            title: t('发放', 'Paid'),
            render: (_: unknown, r) =>
              r.paid_at ? (
                <Space direction="vertical" size={0}>
                  {time(r.paid_at)}
                  {r.referrer_problem && (
                    <Typography.Text type="danger">{t(`邀请人未发：${r.referrer_problem}`, `Referrer not paid: ${r.referrer_problem}`)}</Typography.Text>
                  )}
                  {r.referee_problem && (
                    <Typography.Text type="danger">{t(`好友未发：${r.referee_problem}`, `Friend not paid: ${r.referee_problem}`)}</Typography.Text>
                  )}
                </Space>
              ) : r.due_at ? (
                t(`${time(r.due_at)} 起发放`, `due ${time(r.due_at)}`)
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Drawer>
  );
}
