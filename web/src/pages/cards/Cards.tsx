import { useCallback, useEffect, useState } from 'react';
import { Button, Card as Panel, Drawer, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { ListQuery } from '../../api';
import { ProblemMessage } from '../../problems';
import type { Redemption, Store } from '../../api/types';
import { useT } from '../../i18n';
import { money, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { CardDetail } from './CardDetail';
import { CardSearch } from './CardSearch';
import { Named } from '../../names';

/** 卡券查询: type or paste a code to see the card; or search cards (卡券搜索, with bulk actions), and redemptions by store and status. */
export function Cards() {
  const t = useT();
  const { api, me } = useConsole();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [redStatus, setRedStatus] = useState<string>();
  const [redStore, setRedStore] = useState<string>();
  const [stores, setStores] = useState<Store[]>([]);
  const fetchRedemptions = useCallback((q: ListQuery) => api.redemptions(q), [api]);
  useEffect(() => {
    api
      .stores({ limit: 200, sort: 'name' })
      .then((p) => setStores(p.data))
      .catch(() => {});
  }, [api]);
  const storeName = (id: string | null) => (id ? (stores.find((x) => x.id === id)?.name ?? id) : '—');
  const cur = me.tenant.currency;

  const lookup = async () => {
    if (!code.trim()) return;
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound((await api.lookup(code)).id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageTitle title={t('卡券查询', 'Card lookup')} />
      <Panel size="small" style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 620 }}>
          <Input
            size="large"
            allowClear
            placeholder={t('输入或粘贴券码 / 卡号', 'Type or paste a code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={lookup}
            className="kq-mono"
            data-testid="lookup-code"
          />
          <Button size="large" type="primary" icon={<SearchOutlined />} loading={busy} onClick={lookup} data-testid="lookup-go">
            {t('查询', 'Look up')}
          </Button>
        </Space.Compact>
        {error != null && (
          <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }} data-testid="lookup-error">
            <ProblemMessage error={error} />
          </Typography.Paragraph>
        )}
      </Panel>
      {found && (
        <div style={{ marginBottom: 24 }}>
          <CardDetail key={found} cardId={found} onChanged={() => setReload((x) => x + 1)} />
        </div>
      )}
      <Panel size="small">
        <Tabs
          items={[
            {
              key: 'cards',
              label: t('全部卡券', 'All cards'),
              children: <CardSearch reloadKey={reload} onOpen={setOpen} />,
            },
            {
              key: 'redemptions',
              label: t('核销记录', 'Redemptions'),
              children: (
                <DataTable<Redemption>
                  fetch={fetchRedemptions}
                  rowKey="id"
                  filters={{ status: redStatus, store_id: redStore }}
                  reloadKey={reload}
                  testId="redemptions-table"
                  extra={
                    <Space>
                      <Select
                        allowClear
                        placeholder={t('全部门店', 'All stores')}
                        style={{ width: 180 }}
                        value={redStore}
                        onChange={setRedStore}
                        showSearch
                        optionFilterProp="label"
                        options={stores.map((x) => ({ value: x.id, label: x.name }))}
                      />
                      <Select
                        allowClear
                        placeholder={t('全部状态', 'All statuses')}
                        style={{ width: 130 }}
                        value={redStatus}
                        onChange={setRedStatus}
                        options={[
                          { value: 'done', label: t('已核销', 'Done') },
                          { value: 'reversed', label: t('已撤销', 'Reversed') },
                        ]}
                      />
                    </Space>
                  }
                  onRow={(r) => ({ onClick: () => setOpen(r.card_id), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('时间', 'When'), dataIndex: 'created_at', sortKey: 'created_at', render: time },
                    { title: t('门店', 'Store'), dataIndex: 'store_id', render: storeName },
                    { title: t('卡券', 'Card'), dataIndex: 'card_id', render: (v: string) => <Named id={v} /> },
                    {
                      title: t('订单金额', 'Order'),
                      dataIndex: 'order_amount',
                      sortKey: 'order_amount',
                      align: 'right',
                      render: (v: number | null) => money(v, cur),
                    },
                    { title: t('优惠/扣减', 'Value'), dataIndex: 'amount', sortKey: 'amount', align: 'right', render: (v: number) => money(v, cur) },
                    { title: t('次数', 'Uses'), dataIndex: 'uses', align: 'right' },
                    {
                      title: t('状态', 'Status'),
                      dataIndex: 'status',
                      render: (s: string) => (s === 'done' ? <Tag color="green">{t('已核销', 'Done')}</Tag> : <Tag>{t('已撤销', 'Reversed')}</Tag>),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Panel>
      <Drawer width={1100} open={!!open} onClose={() => setOpen(null)} title={t('卡券详情', 'Card')} destroyOnHidden>
        {open && <CardDetail cardId={open} onChanged={() => setReload((x) => x + 1)} />}
      </Drawer>
    </div>
  );
}
