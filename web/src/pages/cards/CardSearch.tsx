import { useCallback, useEffect, useState } from 'react';
import { Button, InputNumber, Popover, Select, Space, Switch, Tag, Tooltip, message } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Batch, BulkAction, Card, CardFilter, Channel, Member, Template } from '../../api/types';
import { NAMES, useName, useT } from '../../i18n';
import { money, num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { ExpiringBadge } from '../../components/Expiry';
import { STATE_COLORS } from './CardDetail';
import { BULK_ACTIONS, BulkDialog, type BulkScope } from './BulkActions';
import { Named } from '../../names';

const DAY = 86_400_000;
/** A member as the operator recognises them: name (or CRM id) and the phone's last 4 digits. */
const memberLabel = (t: (zh: string, en: string) => string, m: Member) =>
  [m.name ?? m.external_id ?? '—', m.phone_last4 ? t(`尾号 ${m.phone_last4}`, `phone …${m.phone_last4}`) : null].filter(Boolean).join(' · ');

/**
 * 卡券搜索: all cards, found by member (phone or name, through the member search), template, batch,
 * channel, state and 即将过期 — each a filter of GET /v1/cards, paged on the server. Cards can be
 * picked for a bulk action (批量操作), or the action applied to every card the search matches.
 */
export function CardSearch({ reloadKey, onOpen }: { reloadKey: unknown; onOpen: (id: string) => void }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const [f, setF] = useState<CardFilter>({});
  const [templates, setTemplates] = useState<Template[]>([]);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [found, setFound] = useState<Member[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [scopeAll, setScopeAll] = useState(false);
  const [bulk, setBulk] = useState<{ scope: BulkScope; action: BulkAction } | null>(null);
  const [reload, setReload] = useState(0);
  const [days, setDays] = useState(me.tenant.expiring_soon_days);
  const canManage = me.can.includes('cards.manage');
  const set = (patch: Partial<CardFilter>) => setF((x) => ({ ...x, ...patch }));

  useEffect(() => {
    api.templates({ limit: 200, sort: 'name' }).then((p) => setTemplates(p.data), report);
    api.channels().then((p) => setChannels(p.data), report);
  }, [api]);
  useEffect(() => {
    api.batches({ limit: 200, template_id: f.template_id }).then((p) => setBatches(p.data), report);
  }, [api, f.template_id]);
  useEffect(() => setSelected([]), [f]);

  // the list names each card's member itself (member_name): no look-up per member
  const fetch = useCallback((q: ListQuery) => api.cards(q), [api]);
  const searchMembers = async (term: string) => {
    if (!term.trim()) return setFound([]);
    try {
      setFound((await api.members({ q: term.trim(), limit: 10 })).data);
    } catch (e) {
      report(e);
    }
  };
  const saveDays = async (v: number | null) => {
    if (!v) return;
    try {
      setDays((await api.updateTenant({ expiring_soon_days: v })).expiring_soon_days);
      message.success(t(`已设置：到期前 ${v} 天内为即将过期`, `Saved: expiring soon is within ${v} days`));
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };
  const expiring = (c: Card) =>
    c.state === 'active' && !!c.valid_until && +new Date(c.valid_until) > Date.now() && +new Date(c.valid_until) - Date.now() <= days * DAY;
  const tplName = (id: string) => templates.find((x) => x.id === id)?.name;
  const memberCell = (id: string | null, c: Card) => <Named id={id} name={c.member_name} empty={t('不记名', 'Bearer')} />;
  const all = scopeAll || selected.length === 0;

  const filters = (
    <Space wrap data-testid="cards-search">
      <Select
        allowClear
        showSearch
        filterOption={false}
        placeholder={t('会员：手机号 / 姓名', 'Member: phone or name')}
        style={{ width: 200 }}
        value={f.member_id}
        onSearch={searchMembers}
        onChange={(v) => set({ member_id: v })}
        notFoundContent={null}
        options={found.map((m) => ({ value: m.id, label: memberLabel(t, m) }))}
        data-testid="cards-filter-member"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('全部模板', 'All templates')}
        style={{ width: 180 }}
        value={f.template_id}
        onChange={(v) => set({ template_id: v, batch_id: undefined })}
        options={templates.map((x) => ({ value: x.id, label: x.name }))}
        data-testid="cards-filter-template"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('全部批次', 'All batches')}
        style={{ width: 160 }}
        value={f.batch_id}
        onChange={(v) => set({ batch_id: v })}
        options={batches.map((x) => ({ value: x.id, label: x.name }))}
        data-testid="cards-filter-batch"
      />
      <Select
        allowClear
        placeholder={t('全部渠道', 'All channels')}
        style={{ width: 130 }}
        value={f.channel_id}
        onChange={(v) => set({ channel_id: v })}
        options={channels.map((x) => ({ value: x.id, label: x.name }))}
        data-testid="cards-filter-channel"
      />
      <Select
        allowClear
        placeholder={t('全部状态', 'All states')}
        style={{ width: 120 }}
        value={f.state}
        onChange={(v) => set({ state: v })}
        options={Object.keys(NAMES.state).map((s) => ({ value: s, label: name('state', s) }))}
        data-testid="cards-filter-state"
      />
      <Tooltip title={t(`可用且 ${days} 天内到期的卡券`, `Active cards expiring within ${days} days`)}>
        <Space size={4}>
          <Switch checked={!!f.expiring_soon} onChange={(v) => set({ expiring_soon: v || undefined })} data-testid="cards-filter-expiring" />
          {t('即将过期', 'Expiring soon')}
        </Space>
      </Tooltip>
      {me.can.includes('tenant.manage') && (
        <Popover
          trigger="click"
          title={t('即将过期的天数', 'Days that count as soon')}
          content={
            <Space direction="vertical">
              <InputNumber
                min={1}
                max={90}
                defaultValue={days}
                addonBefore={t('到期前', 'Within')}
                addonAfter={t('天', 'days')}
                onChange={(v) => saveDays(v)}
              />
              <span className="kq-muted" style={{ fontSize: 12 }}>
                {t(
                  '会员钱包显示“即将过期”，并发出 card.expiring 事件（可用 Webhook 提醒会员）',
                  'Wallets show “expiring soon”; a card.expiring event goes out (a webhook can remind the member)',
                )}
              </span>
            </Space>
          }
        >
          <Button size="small" type="text" icon={<SettingOutlined />} aria-label={t('设置即将过期天数', 'Set the days')} />
        </Popover>
      )}
    </Space>
  );

  return (
    <div>
      {canManage && (
        <div className="kq-toolbar" data-testid="cards-bulk-bar">
          <span>{t('批量操作：', 'Bulk:')}</span>
          <Select
            value={all ? 'all' : 'selected'}
            onChange={(v) => setScopeAll(v === 'all')}
            style={{ width: 230 }}
            options={[
              { value: 'selected', label: t(`已选 ${num(selected.length)} 张`, `${num(selected.length)} selected`), disabled: !selected.length },
              { value: 'all', label: t('全部符合搜索条件的卡券', 'Every card matching the search') },
            ]}
            data-testid="cards-bulk-scope"
          />
          {BULK_ACTIONS.map((a) => (
            <Button
              key={a.key}
              danger={a.danger}
              onClick={() => setBulk({ scope: all ? { filter: f } : { ids: selected }, action: a.key })}
              data-testid={`cards-bulk-${a.key}`}
            >
              {t(a.zh, a.en)}
            </Button>
          ))}
        </div>
      )}
      <DataTable<Card>
        fetch={fetch}
        rowKey="id"
        filters={f}
        reloadKey={`${reloadKey}/${reload}`}
        testId="cards-table"
        extra={filters}
        rowSelection={
          canManage
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => {
                  setSelected(keys as string[]);
                  setScopeAll(false);
                },
              }
            : undefined
        }
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('券码尾号', 'Code ends'), dataIndex: 'code_tail', render: (v: string) => <span className="kq-mono">•••• {v}</span> },
          { title: t('卡券', 'Card'), dataIndex: 'template_id', render: (v: string, r) => tplName(v) ?? name('kind', r.kind) },
          { title: t('会员', 'Member'), dataIndex: 'member_id', render: memberCell },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (s: string, r) => (
              <Space size={4}>
                <Tag color={STATE_COLORS[s]}>{name('state', s)}</Tag>
                {expiring(r) && <ExpiringBadge testId="cards-expiring-badge" />}
              </Space>
            ),
          },
          {
            title: t('余额 / 次数', 'Balance / uses'),
            key: 'left',
            sortKey: 'balance',
            align: 'right',
            render: (_: unknown, r) =>
              r.kind === 'stored_value' || r.kind === 'gift'
                ? money(r.balance, me.tenant.currency)
                : r.kind === 'count' || r.kind === 'periodic'
                  ? num(r.uses_left)
                  : '—',
          },
          {
            title: t('有效至', 'Valid until'),
            dataIndex: 'valid_until',
            sortKey: 'valid_until',
            render: (v: string | null) => (v ? time(v) : t('长期有效', 'No expiry')),
          },
          { title: t('发放时间', 'Issued'), dataIndex: 'issued_at', render: time },
        ]}
      />
      {bulk && (
        <BulkDialog
          scope={bulk.scope}
          action={bulk.action}
          onClose={(changed) => {
            setBulk(null);
            if (changed) {
              setSelected([]);
              setReload((x) => x + 1);
            }
          }}
        />
      )}
    </div>
  );
}
