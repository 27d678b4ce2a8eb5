import { useCallback, useState } from 'react';
import { Button, message, Popconfirm, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { Template } from '../../api/types';
import { NAMES, useName, useT } from '../../i18n';
import { num, time } from '../../format';
import { CopyId } from '../../names';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { useHeadline } from '../../components/CardFace';
import { TemplateForm } from './TemplateForm';
import { PassStyleButton } from './PassStyle';

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
              <span className="kq-named">
                <b>{v}</b>
                <CopyId id={r.id} />
              </span>
            ),
          },
          { title: t('类型', 'Kind'), dataIndex: 'kind', render: (k: string) => <Tag color="blue">{name('kind', k)}</Tag> },
          {
            title: t('权益', 'Value'),
            key: 'value',
            render: (_: unknown, r) => headline(r.kind, r.value, r.rules),
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
                      <PassStyleButton template={r} />
                      <ArchiveButton template={r} onDone={() => setReload((x) => x + 1)} />
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

/**
 * 归档 asks first, naming the template and what archiving does: no new batches or cards from it, the
 * cards already issued (how many: the server's count) keep working; 启用 brings it back.
 */
function ArchiveButton({ template: r, onDone }: { template: Template; onDone: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [issued, setIssued] = useState<number | null>(null);
  const restore = async () => {
    try {
      await api.updateTemplate(r.id, { status: 'active' });
      message.success(t(`已启用「${r.name}」`, `“${r.name}” is active again`));
      onDone();
    } catch (e) {
      report(e);
    }
  };
  if (r.status !== 'active')
    return (
      <Button size="small" onClick={restore}>
        {t('启用', 'Restore')}
      </Button>
    );
  return (
    <Popconfirm
      title={t(`归档模板「${r.name}」？`, `Archive the template “${r.name}”?`)}
      description={
        <div style={{ maxWidth: 320 }} data-testid="archive-confirm">
          {t('归档后不能再用它新建批次或发放卡券', 'No new batches or cards can be made from it')}
          {issued ? t(`；已发放的 ${num(issued)} 张卡券仍可正常使用。`, `; the ${num(issued)} cards already issued keep working.`) : t('。', '.')}
          {t('可随时重新启用。', ' It can be restored at any time.')}
        </div>
      }
      onOpenChange={(open) => {
        if (open)
          api.templateImpact(r.id, { status: 'archived' }).then(
            (i) => setIssued(i.cards_issued),
            () => setIssued(null),
          );
      }}
      okText={t('归档', 'Archive')}
      cancelText={t('取消', 'Cancel')}
      onConfirm={async () => {
        try {
          await api.updateTemplate(r.id, { status: 'archived' });
          message.success(t(`已归档「${r.name}」`, `“${r.name}” archived`));
          onDone();
        } catch (e) {
          report(e);
        }
      }}
    >
      <Button size="small" data-testid="template-archive">
        {t('归档', 'Archive')}
      </Button>
    </Popconfirm>
  );
}
