import { useCallback, useEffect, useState } from 'react';
import { Button, Drawer, Popconfirm, Space, Tabs, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../../api';
import type { Segment, SegmentMember } from '../../../api/segments';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { num, time } from '../../../format';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import type { Choices } from './ConditionBuilder';
import { SegmentDialog } from './SegmentDialog';
import { Tags } from './Tags';
import { conditionsText } from './words';

/**
 * 人群与标签 (docs/growth.md "Segments and tags"): segments with how many members are in each now, a
 * no-code condition builder with a live count, a segment's members by name; and the tenant's tags with
 * their counts and a CSV import.
 */
export function Segments() {
  const t = useT();
  const { api, me } = useConsole();
  const canManage = me.can.includes('segments.manage');
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [open, setOpen] = useState<Segment | null>(null);
  const [choices, setChoices] = useState<Choices>({ fields: [], tiers: [], templates: [], tags: [] });
  const fetch = useCallback((q: ListQuery) => api.segments(q), [api]);
  const loadChoices = useCallback(() => {
    Promise.all([
      api.segmentFields().then((r) => r.data),
      api
        .mallTiers()
        .then((r) => r.data.map((x) => ({ value: x.id, label: x.name })))
        .catch(() => []),
      api
        .templates({ limit: 200 })
        .then((r) => r.data.map((x) => ({ value: x.id, label: x.name })))
        .catch(() => []),
      api
        .tags()
        .then((r) => r.data.map((x) => ({ value: x.tag, label: x.tag })))
        .catch(() => []),
    ]).then(([fields, tiers, templates, tags]) => setChoices({ fields, tiers, templates, tags }), report);
  }, [api]);
  useEffect(loadChoices, [loadChoices]);

  const remove = async (s: Segment) => {
    try {
      await api.deleteSegment(s.id);
      message.success(t(`已删除：${s.name}`, `Deleted: ${s.name}`));
      setReload((x) => x + 1);
    } catch (e) {
      report(e);
    }
  };

  const list = (
    <>
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          disabled={!choices.fields.length}
          onClick={() => setEditing('new')}
          data-testid="segment-new"
        >
          {t('新建人群', 'New segment')}
        </Button>
      )}
      <DataTable<Segment>
        fetch={fetch}
        rowKey="id"
        reloadKey={reload}
        testId="segments-table"
        columns={[
          {
            title: t('人群', 'Segment'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                {r.description && <span className="kq-muted">{r.description}</span>}
              </Space>
            ),
          },
          {
            title: t('条件', 'Conditions'),
            key: 'conditions',
            render: (_, r) => <Typography.Text style={{ fontSize: 12 }}>{conditionsText(t, r.conditions as Record<string, unknown>, choices)}</Typography.Text>,
          },
          {
            title: t('当前人数', 'Members now'),
            dataIndex: 'members',
            render: (v: number, r) => <span data-testid={`segment-count-${r.id}`}>{num(v)}</span>,
          },
          { title: t('更新时间', 'Updated'), dataIndex: 'updated_at', render: (v: string) => time(v) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r: Segment) => (
              <Space>
                <Button size="small" onClick={() => setOpen(r)} data-testid={`segment-members-${r.id}`}>
                  {t('查看会员', 'Members')}
                </Button>
                {canManage && (
                  <Button size="small" onClick={() => setEditing(r)} disabled={!choices.fields.length} data-testid={`segment-edit-${r.id}`}>
                    {t('编辑', 'Edit')}
                  </Button>
                )}
                {canManage && (
                  <Popconfirm
                    title={t('删除后，用它做受众的活动将没有人可以参与。确定删除吗？', 'Campaigns using it as their audience will have nobody in it. Delete?')}
                    onConfirm={() => remove(r)}
                  >
                    <Button size="small" danger>
                      {t('删除', 'Delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <div data-testid="segments">
      <PageTitle title={t('人群与标签', 'Segments and tags')} />
      <Tabs
        items={[
          { key: 'segments', label: t('人群', 'Segments'), children: list },
          { key: 'tags', label: t('标签', 'Tags'), children: <Tags canManage={canManage} onChanged={loadChoices} /> },
        ]}
      />
      {editing && (
        <SegmentDialog
          segment={editing === 'new' ? null : editing}
          choices={choices}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            message.success(t(`已保存：${s.name}（${num(s.members)} 人）`, `Saved: ${s.name} (${num(s.members)} members)`));
            setEditing(null);
            setReload((x) => x + 1);
          }}
        />
      )}
      <Drawer open={!!open} width={560} title={open ? t(`${open.name} · 会员`, `${open.name} · members`) : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <Members segment={open} />}
      </Drawer>
    </div>
  );
}

/** A segment's members now, by name (opening the member's page from the members list). */
function Members({ segment }: { segment: Segment }) {
  const t = useT();
  const { api } = useConsole();
  const fetch = useCallback((q: ListQuery) => api.segmentMembers(segment.id, q), [api, segment.id]);
  return (
    <DataTable<SegmentMember>
      fetch={fetch}
      rowKey="member_id"
      testId="segment-member-list"
      columns={[{ title: t('会员', 'Member'), dataIndex: 'name', render: (v: string | null) => v ?? t('（未命名会员）', '(unnamed)') }]}
    />
  );
}
