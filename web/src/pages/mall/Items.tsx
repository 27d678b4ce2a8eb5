import { useCallback, useState } from 'react';
import { Button, Popconfirm, Select, Space, Switch, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { MallItem } from '../../api/types';
import { useConsole } from '../../apps/Console';
import { useT } from '../../i18n';
import { money, num, time } from '../../format';
import { DataTable } from '../../components/DataTable';
import { ItemDialog } from './ItemDialog';
import { useEffect } from 'react';

const STATUS: Record<MallItem['status'], { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  published: { zh: '已上架', en: 'On sale', color: 'green' },
  archived: { zh: '已下架', en: 'Off the shelf', color: 'orange' },
};

/** 商品: every item with its price, what it gives, stock left, limit, tiers and window; 上架/下架 and edit for staff who manage the mall. */
export function Items() {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const canManage = me.can.includes('mall.manage');
  const [reload, setReload] = useState(0);
  const [status, setStatus] = useState<string | undefined>();
  const [editing, setEditing] = useState<MallItem | 'new' | null>(null);
  const [returnPoints, setReturnPoints] = useState<boolean | null>(null);
  const fetch = useCallback((q: ListQuery) => api.mallItems(q), [api]);
  useEffect(() => {
    api
      .mallSettings()
      .then((s) => setReturnPoints(s.return_points_on_refund))
      .catch(report);
  }, [api]);
  const act = async (f: () => Promise<MallItem>, done: string) => {
    try {
      const it = await f();
      message.success(`${done}：${it.name}`);
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const setReturn = async (v: boolean) => {
    try {
      setReturnPoints((await api.setMallSettings({ return_points_on_refund: v })).return_points_on_refund);
    } catch (e) {
      report(e);
    }
  };
  const price = (r: MallItem) =>
    [r.points ? t(`${num(r.points)} 积分`, `${num(r.points)} points`) : null, r.cash ? money(r.cash, cur) : null].filter(Boolean).join(' + ');
  return (
    <div data-testid="mall-items">
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="mall-item-new">
            {t('新建商品', 'New item')}
          </Button>
        )}
        <Select
          allowClear
          placeholder={t('全部状态', 'Any status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(STATUS).map(([k, s]) => ({ value: k, label: t(s.zh, s.en) }))}
          data-testid="mall-status-filter"
        />
        {returnPoints !== null && (
          <Space size={6}>
            <Switch size="small" checked={returnPoints} disabled={!canManage} onChange={setReturn} data-testid="mall-return-points" />
            <Typography.Text type="secondary">{t('退款时退回积分', 'Refunds give the points back')}</Typography.Text>
          </Space>
        )}
      </Space>
      <DataTable<MallItem>
        fetch={fetch}
        rowKey="id"
        filters={{ status }}
        reloadKey={reload}
        testId="mall-items-table"
        columns={[
          {
            title: t('商品', 'Item'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {r.kind === 'card' ? t('卡券', 'Card') : t('权益礼包', 'Pack')}：{r.gives_name ?? '—'}
                </span>
              </Space>
            ),
          },
          { title: t('价格', 'Price'), key: 'price', render: (_, r) => price(r) },
          {
            title: t('库存', 'Stock'),
            key: 'stock',
            render: (_, r) =>
              r.stock === null ? t(`不限（已兑 ${r.sold}）`, `Unlimited (${r.sold} sold)`) : t(`剩 ${r.left} / ${r.stock}`, `${r.left} of ${r.stock} left`),
          },
          { title: t('每人限兑', 'Per member'), dataIndex: 'per_member_limit', render: (v: number | null) => v ?? t('不限', 'No limit') },
          {
            title: t('会员等级', 'Tiers'),
            key: 'tiers',
            render: (_, r) => (r.tier_names.length ? r.tier_names.map((n) => <Tag key={n}>{n}</Tag>) : t('所有会员', 'Everyone')),
          },
          {
            title: t('兑换时间', 'On sale'),
            key: 'window',
            render: (_, r) => (r.sale_from || r.sale_until ? `${time(r.sale_from)} ~ ${time(r.sale_until)}` : t('长期', 'Always')),
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: MallItem['status']) => <Tag color={STATUS[s].color}>{t(STATUS[s].zh, STATUS[s].en)}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, r: MallItem) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(r)} data-testid={`mall-edit-${r.id}`}>
                        {t('编辑', 'Edit')}
                      </Button>
                      {r.status === 'published' ? (
                        <Popconfirm
                          title={t('下架后会员不能再兑换，确定吗？', 'Members can no longer exchange it. Take it off?')}
                          onConfirm={() => act(() => api.archiveMallItem(r.id), t('已下架', 'Off the shelf'))}
                        >
                          <Button size="small" data-testid={`mall-archive-${r.id}`}>
                            {t('下架', 'Take off')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => act(() => api.publishMallItem(r.id), t('已上架', 'On sale'))}
                          data-testid={`mall-publish-${r.id}`}
                        >
                          {t('上架', 'Publish')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <ItemDialog
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(it) => {
            message.success(t(`已保存：${it.name}`, `Saved: ${it.name}`));
            setEditing(null);
            setReload((x) => x + 1);
          }}
        />
      )}
    </div>
  );
}
