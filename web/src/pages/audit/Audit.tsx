import { useCallback, useState } from 'react';
import { Alert, Button, Descriptions, Popover, Select, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { report, type ListQuery } from '../../api';
import type { AuditEntry } from '../../api/types';
import { useT } from '../../i18n';
import { time } from '../../format';
import { useConsole } from '../../apps/Console';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { ACTIONS, actionLabel, auditFacts, auditSentence } from '../../audit-words';
import { actorWords, CopyId } from '../../names';

/** 审计日志: who did what (by name), in words; sealed into a keyed chain; "verify" walks the chain on the server. */
export function Audit() {
  const t = useT();
  const { api, me } = useConsole();
  const cur = me.tenant.currency;
  const [verify, setVerify] = useState<Awaited<ReturnType<typeof api.auditVerify>> | null>(null);
  const [action, setAction] = useState<string>();
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
              <span className="kq-mono" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {t('链头', 'head')} #{verify.head.seal} {verify.head.mac}
              </span>
            )
          }
        />
      )}
      <DataTable<AuditEntry>
        fetch={fetch}
        rowKey={(r) => String(r.id)}
        filters={{ action }}
        testId="audit-table"
        extra={
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('全部动作', 'All actions')}
            style={{ width: 200 }}
            value={action}
            onChange={setAction}
            options={Object.keys(ACTIONS).map((a) => ({ value: a, label: actionLabel(t, a) }))}
            data-testid="audit-action"
          />
        }
        columns={[
          { title: t('时间', 'When'), dataIndex: 'created_at', render: time },
          {
            // what happened first (the action and a sentence with names): on a phone it is what shows
            title: t('详情', 'What happened'),
            key: 'what',
            render: (_: unknown, r) => {
              const facts = auditFacts(t, r, cur);
              return (
                <span data-testid="audit-what" className="kq-audit-what">
                  <Tag>{actionLabel(t, r.action)}</Tag>
                  {auditSentence(t, r, cur)}
                  {facts.length > 0 && (
                    <Popover
                      title={actionLabel(t, r.action)}
                      content={
                        <Descriptions size="small" column={1} style={{ maxWidth: 420 }} data-testid="audit-facts">
                          {facts.map((f) => (
                            <Descriptions.Item key={f.label} label={f.label}>
                              {f.value}
                            </Descriptions.Item>
                          ))}
                        </Descriptions>
                      }
                    >
                      <Typography.Link style={{ marginInlineStart: 8 }}>{t('明细', 'Details')}</Typography.Link>
                    </Popover>
                  )}
                </span>
              );
            },
          },
          {
            title: t('操作人', 'Who'),
            dataIndex: 'actor',
            render: (a: string, r) => (
              <span className="kq-named" data-testid="audit-actor">
                {actorWords(t, a, r.actor_name)}
                <CopyId id={a.replace(/^(key|member|operator):/, '')} />
              </span>
            ),
          },
          {
            title: t('链上序号', 'Seq'),
            dataIndex: 'seq',
            align: 'right',
            render: (s: number | null) => (s == null ? <Tag color="processing">{t('待封存', 'unsealed')}</Tag> : `#${s}`),
          },
        ]}
      />
    </div>
  );
}
