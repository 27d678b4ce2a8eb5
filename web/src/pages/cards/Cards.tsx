import { useCallback, useState } from 'react';
import { Button, Card as Panel, Drawer, Input, Select, Space, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ApiError, type ListQuery } from '../../api';
import type { Card } from '../../types';
import { NAMES, useName, useT } from '../../i18n';
import { money, num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { CardDetail, STATE_COLORS } from './CardDetail';

/** 卡券查询: type or paste a code to see the card; or browse cards by state. */
export function Cards() {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [state, setState] = useState<string>();
  const [reload, setReload] = useState(0);
  const fetch = useCallback((q: ListQuery) => api.cards(q), [api]);

  const lookup = async () => {
    if (!code.trim()) return;
    setBusy(true); setError(null); setFound(null);
    try { setFound((await api.lookup(code)).id); } catch (e) { setError(e instanceof ApiError ? e.detail : String(e)); } finally { setBusy(false); }
  };

  return (
    <div>
      <PageTitle title={t('卡券查询', 'Card lookup')} />
      <Panel size="small" style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 620 }}>
          <Input size="large" allowClear placeholder={t('输入或粘贴券码 / 卡号', 'Type or paste a code')} value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={lookup} className="kq-mono" data-testid="lookup-code" />
          <Button size="large" type="primary" icon={<SearchOutlined />} loading={busy} onClick={lookup} data-testid="lookup-go">{t('查询', 'Look up')}</Button>
        </Space.Compact>
        {error && <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }} data-testid="lookup-error">{error}</Typography.Paragraph>}
      </Panel>
      {found && <div style={{ marginBottom: 24 }}><CardDetail key={found} cardId={found} onChanged={() => setReload((x) => x + 1)} /></div>}
      <Panel size="small" title={t('全部卡券', 'All cards')}>
        <DataTable<Card> fetch={fetch} rowKey="id" filters={{ state }} reloadKey={reload}
          extra={<Select allowClear placeholder={t('全部状态', 'All states')} style={{ width: 140 }} value={state} onChange={setState} options={Object.keys(NAMES.state).map((s) => ({ value: s, label: name('state', s) }))} />}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('券码尾号', 'Code ends'), dataIndex: 'code_tail', render: (v: string) => <span className="kq-mono">•••• {v}</span> },
            { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => name('kind', k) },
            { title: t('状态', 'State'), dataIndex: 'state', render: (s: string) => <Tag color={STATE_COLORS[s]}>{name('state', s)}</Tag> },
            { title: t('余额 / 次数', 'Balance / uses'), key: 'left', align: 'right', render: (_: unknown, r) => r.kind === 'stored_value' || r.kind === 'gift' ? money(r.balance, me.tenant.currency) : r.kind === 'count' || r.kind === 'periodic' ? num(r.uses_left) : '—' },
            { title: t('会员', 'Member'), dataIndex: 'member_id', render: (v: string | null) => <span className="kq-mono kq-muted">{v ?? '—'}</span> },
            { title: t('有效至', 'Valid until'), dataIndex: 'valid_until', render: time },
            { title: t('发放时间', 'Issued'), dataIndex: 'issued_at', render: time },
          ]} />
      </Panel>
      <Drawer width={1100} open={!!open} onClose={() => setOpen(null)} title={t('卡券详情', 'Card')} destroyOnHidden>
        {open && <CardDetail cardId={open} onChanged={() => setReload((x) => x + 1)} />}
      </Drawer>
    </div>
  );
}
