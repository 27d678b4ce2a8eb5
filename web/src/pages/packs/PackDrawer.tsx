import { useCallback, useEffect, useState } from 'react';
import { Alert, Descriptions, Drawer, Table, Tabs, Tag, Typography } from 'antd';
import { report, type ListQuery } from '../../api';
import type { Pack, PackDraw, PackGrant } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';

const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;

/** A pack: its prizes (published odds, stock left, odds now) or cards, its grants, and each draw with its random source. */
export function PackDrawer({ id, reloadKey, onClose }: { id: string | null; reloadKey: unknown; onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [pack, setPack] = useState<Pack | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    setPack(null);
    if (id) api.pack(id).then(setPack, report);
  }, [api, id, reloadKey]);
  const grants = useCallback(
    async (q: ListQuery) => {
      const p = await api.packGrants({ ...q, pack_id: id! });
      setNames((n) => ({ ...n, ...p.names }));
      return p;
    },
    [api, id],
  );
  const draws = useCallback(
    async (q: ListQuery) => {
      const p = await api.packDraws(id!, q);
      setNames((n) => ({ ...n, ...p.names }));
      return p;
    },
    [api, id],
  );
  const tab = (key: string, label: string, children: React.ReactNode) => ({ key, label, children });
  return (
    <Drawer open={!!id} onClose={onClose} width={900} title={pack ? `${pack.name}${pack.version > 1 ? ` v${pack.version}` : ''}` : ''} destroyOnHidden>
      {pack && (
        <div data-testid="pack-drawer">
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('类型', 'Kind')}>{pack.kind === 'fixed' ? t('固定礼包', 'Fixed') : t('盲盒', 'Random')}</Descriptions.Item>
            <Descriptions.Item label={t('已发放', 'Granted')}>{pack.granted}</Descriptions.Item>
            <Descriptions.Item label={t('保底', 'Guarantee')}>
              {pack.guarantee_after ? t(`连续 ${pack.guarantee_after} 次未中大奖，下次必中`, `a top prize after ${pack.guarantee_after} without`) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {pack.odds_note && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(pack.odds_note.zh, pack.odds_note.en)} data-testid="odds-note" />
          )}
          <Tabs
            items={[
              tab(
                'contents',
                pack.kind === 'fixed' ? t('卡券', 'Cards') : t('奖品与概率', 'Prizes and odds'),
                pack.kind === 'fixed' ? (
                  <Table
                    size="small"
                    rowKey="template_id"
                    pagination={false}
                    dataSource={pack.items}
                    columns={[
                      { title: t('模板', 'Template'), dataIndex: 'template_name' },
                      { title: t('数量', 'Quantity'), dataIndex: 'quantity' },
                    ]}
                  />
                ) : (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={pack.prizes}
                    data-testid="prizes-table"
                    columns={[
                      {
                        title: t('奖品', 'Prize'),
                        dataIndex: 'name',
                        render: (v: string, z) =>
                          z.top ? (
                            <>
                              {v} <Tag color="gold">{t('大奖', 'Top')}</Tag>
                            </>
                          ) : (
                            v
                          ),
                      },
                      {
                        title: t('卡券', 'Cards'),
                        key: 'items',
                        render: (_: unknown, z) => z.items.map((i) => `${i.template_name ?? i.template_id} × ${i.quantity}`).join('、'),
                      },
                      { title: t('公示概率', 'Published odds'), dataIndex: 'odds_bp', render: pct },
                      { title: t('当前概率', 'Odds now'), dataIndex: 'odds_now_bp', render: pct },
                      { title: t('库存', 'Stock'), dataIndex: 'stock', render: (v: number | null) => v ?? t('不限', 'Unlimited') },
                      { title: t('已抽出', 'Drawn'), dataIndex: 'taken' },
                      { title: t('剩余', 'Left'), dataIndex: 'remaining', render: (v: number | null) => v ?? '—' },
                    ]}
                  />
                ),
              ),
              tab(
                'grants',
                t('发放记录', 'Grants'),
                <DataTable<PackGrant>
                  fetch={grants}
                  rowKey="id"
                  reloadKey={reloadKey}
                  testId="pack-grants"
                  columns={[
                    { title: t('会员', 'Member'), dataIndex: 'member_id', render: (v: string) => names[v] ?? v },
                    {
                      title: t('来源', 'Source'),
                      dataIndex: 'source',
                      render: (v: string) =>
                        ({ manual: t('手动', 'Manual'), tier: t('等级权益', 'Tier'), mall: t('积分商城', 'Mall'), rule: t('规则', 'Rule') })[v] ?? v,
                    },
                    { title: t('奖品', 'Prize'), dataIndex: 'prize', render: (z: PackGrant['prize']) => z?.name ?? '—' },
                    { title: t('卡券', 'Cards'), dataIndex: 'cards', render: (cs: PackGrant['cards']) => cs.map((c) => names[c.id] ?? c.id).join('、') },
                    { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
                  ]}
                />,
              ),
              ...(pack.kind === 'random'
                ? [
                    tab(
                      'draws',
                      t('抽奖记录', 'Draws'),
                      <DataTable<PackDraw>
                        fetch={draws}
                        rowKey="id"
                        reloadKey={reloadKey}
                        testId="pack-draws"
                        columns={[
                          { title: t('会员', 'Member'), dataIndex: 'member_id', render: (v: string) => names[v] ?? v },
                          {
                            title: t('结果', 'Outcome'),
                            dataIndex: 'prize_name',
                            render: (v: string, d) =>
                              d.guaranteed ? (
                                <>
                                  {v} <Tag color="gold">{t('保底', 'Guarantee')}</Tag>
                                </>
                              ) : (
                                v
                              ),
                          },
                          {
                            title: t('随机来源', 'Random source'),
                            key: 'random',
                            render: (_: unknown, d) => (
                              <Typography.Text className="kq-mono" style={{ fontSize: 12 }}>
                                {`${d.source}(${d.range}) = ${d.value}`}
                              </Typography.Text>
                            ),
                          },
                          {
                            title: t('参与抽取的奖品', 'Drawn among'),
                            dataIndex: 'candidates',
                            render: (cs: PackDraw['candidates']) => t(`${cs.length} 个有库存的奖品`, `${cs.length} prizes in stock`),
                          },
                          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
                        ]}
                      />,
                    ),
                  ]
                : []),
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
