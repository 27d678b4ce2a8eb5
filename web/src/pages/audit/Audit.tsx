import { useCallback, useState } from 'react';
import { Alert, Button, Popover, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { AuditEntry } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';

/** 审计日志: who did what, sealed into a keyed chain; "verify" walks the chain on the server. */
export function Audit() {
  const t = useT();
  const { api } = useConsole();
  const [verify, setVerify] = useState<Awaited<ReturnType<typeof api.auditVerify>> | null>(null);
  const fetch = useCallback((q: ListQuery) => api.audit(q), [api]);
  return (
    <div>
      <PageTitle
        title={t('审计日志', 'Audit log')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => api.auditVerify().then(setVerify, report)}>
            {t('校验哈希链', 'Verify the chain')}
          </Button>
        }
      />
      {verify && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={verify.ok ? 'success' : 'error'}
          closable
          onClose={() => setVerify(null)}
          title={
            verify.ok
              ? t(
                  `哈希链完整：${verify.entries} 条已封存，${verify.unsealed} 条待封存`,
                  `Chain intact: ${verify.entries} sealed, ${verify.unsealed} waiting to be sealed`,
                )
              : t(`哈希链被破坏：${verify.reason}`, `Chain broken: ${verify.reason}`)
          }
          description={
            verify.head && (
              <span className="kq-mono" style={{ fontSize: 12 }}>
                {t('链头', 'head')} #{verify.head.seal} {verify.head.mac}
              </span>
            )
          }
        />
      )}
      <DataTable<AuditEntry>
        fetch={fetch}
        rowKey={(r) => String(r.id)}
        search={t('按动作筛选，如 card.redeem', 'Filter by action, e.g. card.redeem')}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          { title: t('操作人', 'Actor'), dataIndex: 'actor', render: (a: string) => <span className="kq-mono">{a}</span> },
          { title: t('动作', 'Action'), dataIndex: 'action', render: (a: string) => <Tag>{a}</Tag> },
          {
            title: t('对象', 'Target'),
            key: 'target',
            render: (_: unknown, r) => <span className="kq-mono kq-muted">{r.target_type ? `${r.target_type} ${r.target_id ?? ''}` : '—'}</span>,
          },
          {
            title: t('链上序号', 'Seq'),
            dataIndex: 'seq',
            align: 'right',
            render: (s: number | null) => (s == null ? <Tag color="processing">{t('待封存', 'unsealed')}</Tag> : `#${s}`),
          },
          {
            title: t('内容', 'Data'),
            dataIndex: 'data',
            render: (d: unknown) => (
              <Popover content={<pre style={{ maxWidth: 520, maxHeight: 360, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(d, null, 2)}</pre>}>
                <Typography.Link>{t('查看', 'View')}</Typography.Link>
              </Popover>
            ),
          },
        ]}
      />
    </div>
  );
}
