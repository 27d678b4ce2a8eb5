import { useCallback, useEffect, useState } from 'react';
import { Button, Descriptions, Empty, Progress, Table, Tag, Typography } from 'antd';
import { report } from '../../api';
import type { Member, MemberTier, Tier } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { date, time } from '../../format';
import { MemberPicker } from '../members/IssueCardDialog';
import { ManualTierDialog } from './ManualTierDialog';
import { whyWords } from './words';
import { actorWords } from '../../names';

/** 会员等级查询: a member's tier, progress to the next, grace and floor, history; and 调整等级 by hand. */
export function MemberTierPanel({ tiers, canSet }: { tiers: Tier[]; canSet: boolean }) {
  const t = useT();
  const { api } = useConsole();
  const [member, setMember] = useState<Member | null>(null);
  const [info, setInfo] = useState<MemberTier | null>(null);
  const [setting, setSetting] = useState(false);
  const load = useCallback(() => {
    if (member) api.memberTier(member.id).then(setInfo).catch(report);
    else setInfo(null);
  }, [api, member]);
  useEffect(load, [load]);
  const name = (x: { name: string } | null | undefined) => x?.name ?? '—';
  return (
    <div data-testid="member-tier">
      <div style={{ maxWidth: 420, marginBottom: 16 }}>
        <MemberPicker value={member} onChange={setMember} />
      </div>
      {!info ? (
        <Empty description={t('选择一位会员查看等级', 'Pick a member to see their tier')} />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('当前等级', 'Tier')}>
              <Tag color="gold" data-testid="member-tier-name">
                {name(info.tier)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={info.counts === 'period' ? t('本周期成长值', 'Growth this period') : t('成长值', 'Growth')}>
              {info.growth.toLocaleString('zh-CN')}
            </Descriptions.Item>
            <Descriptions.Item label={t('下一等级', 'Next')}>
              {info.next ? (
                <div style={{ minWidth: 180 }}>
                  {t(`${info.next.name}：还差 ${info.next.needed.toLocaleString('zh-CN')}`, `${info.next.name}: ${info.next.needed} to go`)}
                  <Progress percent={Math.min(100, Math.round((info.growth / Math.max(1, info.next.threshold)) * 100))} size="small" showInfo={false} />
                </div>
              ) : (
                t('已是最高等级', 'Top tier')
              )}
            </Descriptions.Item>
            {info.grace && (
              <Descriptions.Item label={t('待降级', 'Downgrade pending')} span={3}>
                {t(
                  `宽限期至 ${time(info.grace.until)}，之后降为 ${name(info.grace.to)}`,
                  `Keeps the tier until ${time(info.grace.until)}, then ${name(info.grace.to)}`,
                )}
              </Descriptions.Item>
            )}
            {info.floor && (
              <Descriptions.Item label={t('人工保级', 'Manual tier')} span={3}>
                {t(
                  `${info.floor.tier.name}，保级至 ${info.floor.through}（含当天，原因：${info.floor.reason}，${actorWords(t, info.floor.by, info.floor.by_name)} 设置）`,
                  `${info.floor.tier.name} through ${info.floor.through} (${info.floor.reason}; set by ${actorWords(t, info.floor.by, info.floor.by_name)})`,
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          {canSet && (
            <Button style={{ margin: '12px 0' }} onClick={() => setSetting(true)} data-testid="manual-tier-open">
              {t('调整等级', 'Set tier')}
            </Button>
          )}
          <Typography.Title level={5}>{t('等级变更记录', 'Tier history')}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={info.history}
            data-testid="member-tier-history"
            columns={[
              { title: t('时间', 'When'), key: 'at', render: (_, h) => time(h.created_at) },
              { title: t('变更', 'Change'), key: 'change', render: (_, h) => `${name(h.from)} → ${name(h.to)}` },
              {
                title: t('原因', 'Why'),
                key: 'why',
                render: (_, h) => whyWords(t, h.why) + (typeof h.detail.reason === 'string' ? `：${h.detail.reason}` : ''),
              },
              { title: t('操作人', 'By'), key: 'by', render: (_, h) => actorWords(t, h.actor, h.actor_name) },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {info.since ? t(`当前等级自 ${date(info.since)} 起`, `In this tier since ${date(info.since)}`) : null}
          </Typography.Text>
        </>
      )}
      {setting && member && (
        <ManualTierDialog
          memberId={member.id}
          memberName={member.name}
          tiers={tiers}
          onClose={() => setSetting(false)}
          onSaved={() => {
            setSetting(false);
            load();
          }}
        />
      )}
    </div>
  );
}
