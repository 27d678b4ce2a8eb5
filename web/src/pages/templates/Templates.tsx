import { useCallback, useState } from 'react';
import { Button, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ListQuery } from '../../api';
import type { Template } from '../../api/types';
import { NAMES, useName, useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { useHeadline } from '../../components/CardFace';
import { TemplateForm } from './TemplateForm';

/** 卡券模板: every kind, created and edited in one form that follows the kind. */
export function Templates() {
  const t = useT();
  const name = useName();
  const headline = useHeadline();
  const { api, me } = useConsole();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
  const [reload, setReload] = useState(0);
  const [kind, setKind] = useState<string>();
  const [all, setAll] = useState<Template[]>([]);
  const canWrite = me.can.includes('catalog.write');
  const fetch = useCallback(
    async (q: ListQuery) => {
      const p = await api.templates(q);
      setAll((prev) => [...p.data, ...prev.filter((x) => !p.data.some((y) => y.id === x.id))]);
      return p;
    },
    [api],
  );

  return (
    <div>
      <PageTitle
        title={t('卡券模板', 'Templates')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setOpen(true);
              }}
              data-testid="new-template"
            >
              {t('新建模板', 'New template')}
            </Button>
          )
        }
      />
      <DataTable<Template>
        fetch={fetch}
        rowKey="id"
        search={t('搜索模板名称', 'Search by name')}
        filters={{ kind }}
        reloadKey={reload}
        testId="templates-table"
        extra={
          <Select
            allowClear
            placeholder={t('全部类型', 'All kinds')}
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={Object.keys(NAMES.kind).map((k) => ({ value: k, label: name('kind', k) }))}
          />
        }
        columns={[
          {
            title: t('名称', 'Name'),
            dataIndex: 'name',
            sortKey: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <b>{v}</b>
                <span className="kq-muted kq-mono" style={{ fontSize: 12 }}>
                  {r.id}
                </span>
              </Space>
            ),
          },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => <Tag color="blue">{name('kind', k)}</Tag> },
          {
            title: t('权益', 'Value'),
            key: 'value',
            render: (_: unknown, r) => {
              const h = headline(r.kind, r.value);
              return `${h.big} ${h.small}`;
            },
          },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string) => (s === 'active' ? <Tag color="green">{t('启用', 'Active')}</Tag> : <Tag>{t('已归档', 'Archived')}</Tag>),
          },
          { title: t('版本', 'Version'), dataIndex: 'version', align: 'right' },
          { title: t('更新时间', 'Updated'), dataIndex: 'updated_at', sortKey: 'updated_at', render: time },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, r: Template) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(r);
                          setOpen(true);
                        }}
                      >
                        {t('编辑', 'Edit')}
                      </Button>
                      <Button
                        size="small"
                        onClick={async () => {
                          await api
                            .updateTemplate(r.id, { status: r.status === 'active' ? 'archived' : 'active' })
                            .catch((e) => import('../../api').then((m) => m.report(e)));
                          setReload((x) => x + 1);
                        }}
                      >
                        {r.status === 'active' ? t('归档', 'Archive') : t('启用', 'Restore')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TemplateForm
        open={open}
        editing={editing}
        templates={all}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          setReload((x) => x + 1);
        }}
      />
    </div>
  );
}
