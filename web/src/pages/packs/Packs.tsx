import { useCallback, useState } from 'react';
import { Button, Space, Tag, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Pack } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { PackForm } from './PackForm';
import { PackDrawer } from './PackDrawer';
import { GrantDialog } from './GrantDialog';

/** 权益礼包: fixed packs and random packs 盲盒 — make, publish, version, grant to a member, and read grants and draws. */
export function Packs() {
  const t = useT();
  const { api, me } = useConsole();
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<{ pack: Pack | null; mode: 'new' | 'edit' | 'version' } | null>(null);
  const [granting, setGranting] = useState<Pack | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const canManage = me.can.includes('packs.manage');
  const canGrant = me.can.includes('packs.grant');
  const fetch = useCallback((q: ListQuery) => api.packs(q), [api]);
  const again = () => setReload((x) => x + 1);
  const publish = async (p: Pack) => {
    try {
      await api.publishPack(p.id);
      message.success(t(`「${p.name}」已发布`, `“${p.name}” is live`));
      again();
    } catch (e) {
      report(e);
    }
  };
  const status = (s: Pack['status']) =>
    ({
      draft: <Tag>{t('草稿', 'Draft')}</Tag>,
      live: <Tag color="green">{t('已发布', 'Live')}</Tag>,
      retired: <Tag color="default">{t('已停用', 'Retired')}</Tag>,
    })[s];
  const stop = (e: React.MouseEvent) => e.stopPropagation();
  return (
    <div>
      <PageTitle
        title={t('权益礼包', 'Benefit packs')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ pack: null, mode: 'new' })} data-testid="pack-new">
              {t('新建礼包', 'New pack')}
            </Button>
          )
        }
      />
      <DataTable<Pack>
        fetch={fetch}
        rowKey="id"
        reloadKey={reload}
        testId="packs-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('礼包', 'Pack'), dataIndex: 'name', render: (v: string, r) => <b>{r.version > 1 ? `${v} v${r.version}` : v}</b> },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (v: string) => (v === 'fixed' ? t('固定礼包', 'Fixed') : t('盲盒', 'Random')) },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: Pack['status'], r) => (
              <>
                {status(s)}
                {r.sold_out && <Tag color="red">{t('奖品已抽完', 'Sold out')}</Tag>}
              </>
            ),
          },
          {
            title: t('内容', 'Contents'),
            key: 'contents',
            render: (_: unknown, r) =>
              r.kind === 'fixed'
                ? r.items.map((i) => `${i.template_name ?? ''} × ${i.quantity}`).join('、')
                : r.prizes
                    .map((z) => `${z.name} ${(z.odds_bp / 100).toFixed(2)}%${z.remaining !== null ? ` (${t('剩', 'left')} ${z.remaining})` : ''}`)
                    .join('、'),
          },
          { title: t('已发放', 'Granted'), dataIndex: 'granted' },
          { title: t('更新时间', 'Updated'), dataIndex: 'updated_at', render: time },
          {
            title: '',
            key: 'ops',
            render: (_: unknown, r) => (
              <Space onClick={stop}>
                {canManage && r.status === 'draft' && (
                  <>
                    <Button size="small" onClick={() => setEditing({ pack: r, mode: 'edit' })}>
                      {t('编辑', 'Edit')}
                    </Button>
                    <Button size="small" type="primary" onClick={() => publish(r)} data-testid="pack-publish">
                      {t('发布', 'Publish')}
                    </Button>
                  </>
                )}
                {canManage && r.status === 'live' && (
                  <Button size="small" onClick={() => setEditing({ pack: r, mode: 'version' })}>
                    {t('新版本', 'New version')}
                  </Button>
                )}
                {canGrant && r.status === 'live' && (
                  <Button size="small" type="primary" onClick={() => setGranting(r)} data-testid="pack-grant">
                    {t('发放', 'Grant')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PackForm
          pack={editing.pack}
          mode={editing.mode}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            message.success(p.status === 'draft' ? t('已保存为草稿，发布后生效', 'Saved as a draft: publish it to use it') : t('已保存', 'Saved'));
            again();
          }}
        />
      )}
      {granting && <GrantDialog pack={granting} onClose={() => setGranting(null)} onGranted={again} />}
      <PackDrawer id={open} reloadKey={reload} onClose={() => setOpen(null)} />
    </div>
  );
}
