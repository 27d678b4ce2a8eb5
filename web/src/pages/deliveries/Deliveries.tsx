import { useCallback, useState } from 'react';
import { Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ListQuery } from '../../api';
import type { Delivery } from '../../api/types';
import { useT } from '../../i18n';
import { num, time } from '../../format';
import { useConsole } from '../../apps/Console';
import { PageTitle } from '../../components/PageTitle';
import { DataTable } from '../../components/DataTable';
import { CreateDelivery } from './CreateDelivery';
import { DeliveryDetail } from './DeliveryDetail';
import { methodWords, referenceWords, STATE_COLORS, stateWords } from './words';

/**
 * 卡密交付: every delivery of bearer codes to a recipient — who, how (加密文件 / 下载链接), its state
 * with n of m downloads, its expiry and what it is for (a wholesale order by name); a row opens its
 * detail (attempts, file, revoke). New deliveries start from a batch export (批次 → 导出记录 → 安全交付),
 * a wholesale order, or card ids pasted here.
 */
export function Deliveries() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('deliveries.manage');
  const [state, setState] = useState<Delivery['state']>();
  const [method, setMethod] = useState<Delivery['method']>();
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [picking, setPicking] = useState(false);
  const [ids, setIds] = useState('');
  const [cards, setCards] = useState<string[] | null>(null);
  const fetch = useCallback((q: ListQuery) => api.deliveryList(q), [api]);
  return (
    <div>
      <PageTitle
        title={t('卡密交付', 'Deliveries')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="delivery-new">
              {t('按卡券交付', 'Deliver cards')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        {t(
          '把不记名卡密安全地交给收件人：加密文件（密码另行告知）或一次性下载链接。批量导出后可在「批次 → 导出记录」中直接安全交付。',
          'Hand bearer codes to a recipient safely: an encrypted file (its password sent separately) or a one-time link. After an export, 批次 → export history → 安全交付.',
        )}
      </Typography.Paragraph>
      <DataTable<Delivery>
        fetch={fetch}
        rowKey="id"
        reloadKey={version}
        filters={{ state, method }}
        testId="deliveries"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        extra={
          <Space wrap>
            <Select
              allowClear
              style={{ minWidth: 120 }}
              placeholder={t('全部状态', 'Any state')}
              value={state}
              onChange={setState}
              options={(['created', 'downloaded', 'expired', 'revoked'] as const).map((s) => ({
                value: s,
                label: {
                  created: t('待下载', 'Waiting'),
                  downloaded: t('已下载', 'Downloaded'),
                  expired: t('已过期', 'Expired'),
                  revoked: t('已撤销', 'Revoked'),
                }[s],
              }))}
            />
            <Select
              allowClear
              style={{ minWidth: 120 }}
              placeholder={t('全部方式', 'Any method')}
              value={method}
              onChange={setMethod}
              options={(['link', 'file'] as const).map((m) => ({ value: m, label: methodWords(t, m) }))}
            />
          </Space>
        }
        columns={[
          {
            title: t('收件人', 'Recipient'),
            key: 'r',
            render: (_: unknown, d) => (
              <Space direction="vertical" size={0}>
                <b>{d.recipient.name}</b>
                <span className="kq-muted" style={{ fontSize: 12 }}>
                  {[d.recipient.phone, d.recipient.email].filter(Boolean).join(' · ')}
                </span>
              </Space>
            ),
          },
          { title: t('方式', 'Method'), dataIndex: 'method', render: (m: Delivery['method']) => methodWords(t, m) },
          {
            title: t('状态', 'State'),
            dataIndex: 'state',
            render: (_: unknown, d) => (
              <Tag color={STATE_COLORS[d.state]} data-testid={`delivery-state-${d.id}`}>
                {stateWords(t, d)}
              </Tag>
            ),
          },
          { title: t('卡券', 'Cards'), dataIndex: 'cards', align: 'right', render: num },
          { title: t('有效至', 'Expires'), dataIndex: 'expires_at', render: (v: string | null, d) => (d.method === 'link' ? time(v) : '—') },
          { title: t('关联', 'For'), key: 'ref', render: (_: unknown, d) => referenceWords(t, d) },
          { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: time },
        ]}
      />
      <DeliveryDetail api={api} id={open} canManage={canManage} onClose={() => setOpen(null)} onChanged={() => setVersion((v) => v + 1)} />
      <Modal
        open={picking}
        title={t('按卡券交付', 'Deliver cards')}
        onCancel={() => setPicking(false)}
        okText={t('下一步', 'Next')}
        onOk={() => {
          const list = ids.split(/[\s,，]+/).filter(Boolean);
          if (!list.length) return;
          setPicking(false);
          setCards(list);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('粘贴要交付的已发放不记名卡券 ID（crd_…，每行一个）。', 'Paste the ids of issued bearer cards (crd_…, one a line).')}
        </Typography.Paragraph>
        <Input.TextArea rows={6} value={ids} onChange={(e) => setIds(e.target.value)} data-testid="delivery-card-ids" />
      </Modal>
      <CreateDelivery
        api={api}
        open={!!cards}
        source={cards ? { card_ids: cards } : null}
        sourceLabel={cards ? t(`${cards.length} 张卡券`, `${cards.length} cards`) : undefined}
        onClose={() => setCards(null)}
        onCreated={() => setVersion((v) => v + 1)}
      />
    </div>
  );
}
