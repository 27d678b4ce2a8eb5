import { useCallback, useEffect, useState } from 'react';
import { Select, Space } from 'antd';
import type { Client, ListQuery } from '../../api';
import type { Channel, Template } from '../../api/types';
import { useName, useT } from '../../i18n';
import { time } from '../../format';
import { DataTable } from '../../components/DataTable';

/**
 * 卡券: the cards issued through the partner's subtree (GET /v1/cards lists only those for a partner),
 * by template name, state, the channel that issued them (by name) and when; filterable by channel.
 */
export function PartnerCards({ api }: { api: Client }) {
  const t = useT();
  const name = useName();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [channelId, setChannelId] = useState<string>();
  useEffect(() => {
    api
      .channels()
      .then((r) => setChannels(r.data))
      .catch(() => {});
    api
      .templates({ limit: 200 })
      .then((r) => setTemplates(r.data))
      .catch(() => {});
  }, [api]);
  const fetch = useCallback((q: ListQuery) => api.cards(q), [api]);
  const channelName = (id: string | null) => channels.find((c) => c.id === id)?.name ?? '—';
  const templateName = (id: string) => templates.find((x) => x.id === id)?.name ?? '—';
  return (
    <DataTable
      fetch={fetch}
      rowKey="id"
      filters={{ channel_id: channelId }}
      testId="partner-cards"
      extra={
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('全部渠道', 'All channels')}
          value={channelId}
          onChange={setChannelId}
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="partner-cards-channel"
        />
      }
      columns={[
        {
          title: t('卡券', 'Card'),
          key: 'card',
          render: (_: unknown, r) => (
            <Space direction="vertical" size={0}>
              <b>{templateName(r.template_id)}</b>
              <span className="kq-muted" style={{ fontSize: 12 }}>
                {name('kind', r.kind)} · {t('尾号', 'ending')} {r.code_tail}
              </span>
            </Space>
          ),
        },
        { title: t('状态', 'State'), dataIndex: 'state', render: (s: string) => name('state', s) },
        { title: t('渠道', 'Channel'), dataIndex: 'channel_id', render: (id: string | null) => channelName(id) },
        { title: t('发放时间', 'Issued'), dataIndex: 'issued_at', render: time },
      ]}
    />
  );
}
