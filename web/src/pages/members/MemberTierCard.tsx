import { useCallback, useEffect, useState } from 'react';
import { Button, Card as Panel, Descriptions, Progress, Table, Tag, Typography } from 'antd';
import { report } from '../../api';
import type { Member, MemberTier, Tier } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { date, time } from '../../format';
import { actorWords } from '../../names';
import { ManualTierDialog } from '../tiers/ManualTierDialog';
import { whyWords } from '../tiers/words';
import { tierProgress } from '../wallet/MemberCard';

/**
 * 等级与成长值 on the member profile: the tier, the growth that counts and the next tier's need, a pending
 * downgrade (grace) or manual tier (floor), every tier change with its reason and who made it, and the
 * tiers module's 调整等级 dialog (a floor with an end date and a reason).
 */
export function MemberTierCard({ member, reload, onChanged }: { member: Member; reload: number; onChanged: () => void }) {
  const t = useT();
  const { api, me } = useConsole();
  const [info, setInfo] = useState<MemberTier | null>(null);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [setting, setSetting] = useState(false);
  const canSet = me.can.includes('tiers.set');
  const load = useCallback(() => {
    api.memberTier(member.id).then(setInfo).catch(report);
  }, [api, member.id]);
  useEffect(load, [load, reload]);
  useEffect(() => {
    if (canSet)
      api
        .tiers()
        .then((l) => setTiers(l.data))
        .catch(() => setTiers([]));
  }, [api, canSet]);
  const name = (x: { name: string } | null | undefined) => x?.name ?? t('无等级', 'No tier');
  return (
    <Panel
      size="small"
      title={t('等级与成长值', 'Tier and growth')}
      loading={!info}
      data-testid="member-tier-card"
      extra={
        canSet &&
        tiers.length > 0 && (
          <Button size="small" onClick={() => setSetting(true)} data-testid="member-tier-set">
            {t('调整等级', 'Set tier')}
          </Button>
        )
      }
    >
      {info && !info.tier && !info.next && info.history.length === 0 && (
        <Typography.Text type="secondary" data-testid="member-tier-none">
          {t('商户尚未设置会员等级（会员等级页设置成长值门槛）。', 'No tiers yet: set them on the Member tiers page.')}
        </Typography.Text>
      )}
      {info && (info.tier || info.next || info.history.length > 0) && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('当前等级', 'Tier')}>
              <Tag color="gold" data-testid="member-tier-current">
                {name(info.tier)}
              </Tag>
              {info.since && <span className="kq-muted">{t(`自 ${date(info.since)}`, `since ${date(info.since)}`)}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={info.counts === 'period' ? t('本周期成长值', 'Growth this period') : t('成长值', 'Growth')}>
              {info.growth.toLocaleString('zh-CN')}
            </Descriptions.Item>
            <Descriptions.Item label={t('下一等级', 'Next')}>
              {info.next ? (
                <div style={{ minWidth: 180 }}>
                  {t(`${info.next.name}：还差 ${info.next.needed.toLocaleString('zh-CN')}`, `${info.next.name}: ${info.next.needed} to go`)}
                  <Progress percent={tierProgress(info)} size="small" showInfo={false} />
                </div>
              ) : (
                t('已是最高等级', 'Top tier')
              )}
            </Descriptions.Item>
            {info.grace && (
              <Descriptions.Item label={t('待降级', 'Downgrade pending')} span={3}>
                {t(`宽限期至 ${time(info.grace.until)}，之后为 ${name(info.grace.to)}`, `Kept until ${time(info.grace.until)}, then ${name(info.grace.to)}`)}
              </Descriptions.Item>
            )}
            {info.floor && (
              <Descriptions.Item label={t('人工保级', 'Manual tier')} span={3}>
                {t(
                  `${info.floor.tier.name}，保级至 ${info.floor.through}（原因：${info.floor.reason}，${actorWords(t, info.floor.by, info.floor.by_name)} 设置）`,
                  `${info.floor.tier.name} through ${info.floor.through} (${info.floor.reason}; by ${actorWords(t, info.floor.by, info.floor.by_name)})`,
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={info.history}
            data-testid="member-tier-changes"
            columns={[
              { title: t('时间', 'When'), key: 'at', render: (_, h) => time(h.created_at) },
              { title: t('等级变更', 'Change'), key: 'change', render: (_, h) => `${name(h.from)} → ${name(h.to)}` },
              {
                title: t('原因', 'Why'),
                key: 'why',
                render: (_, h) => whyWords(t, h.why) + (typeof h.detail.reason === 'string' ? `：${h.detail.reason}` : ''),
              },
              { title: t('操作人', 'By'), key: 'by', responsive: ['md'], render: (_, h) => actorWords(t, h.actor, h.actor_name) },
            ]}
          />
        </>
      )}
      {setting && (
        <ManualTierDialog
          memberId={member.id}
          memberName={member.name}
          tiers={tiers}
          onClose={() => setSetting(false)}
          onSaved={() => {
            setSetting(false);
            load();
            onChanged();
          }}
        />
      )}
    </Panel>
  );
}
