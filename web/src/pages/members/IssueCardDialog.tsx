import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Select, Space, Spin, Typography, message } from 'antd';
import { report } from '../../api';
import type { Batch, IssuedCard, Member, Template } from '../../api/types';
import { useName, useT } from '../../i18n';
import { num } from '../../format';
import { useConsole } from '../../apps/Console';

/** A member as people tell them apart: name, phone tail, CRM number. */
export const memberLabel = (t: (zh: string, en: string) => string, m: Member) =>
  [m.name ?? t('未填姓名', 'No name'), m.phone_last4 && t(`尾号 ${m.phone_last4}`, `ends ${m.phone_last4}`), m.external_id].filter(Boolean).join(' · ');

/** Searches members by phone (the whole number), name or CRM number, on the server, as the operator types. */
export function MemberPicker({ value, onChange }: { value: Member | null; onChange: (m: Member | null) => void }) {
  const t = useT();
  const { api } = useConsole();
  const [found, setFound] = useState<Member[]>([]);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const search = (q: string) => {
    const mine = ++seq.current;
    if (!q.trim()) return setFound([]);
    setBusy(true);
    api
      .members({ q: q.trim(), limit: 10 })
      .then((p) => mine === seq.current && setFound(p.data))
      .catch(report)
      .finally(() => mine === seq.current && setBusy(false));
  };
  const options = [...(value && !found.some((m) => m.id === value.id) ? [value] : []), ...found];
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={search}
      loading={busy}
      value={value?.id}
      onChange={(id) => onChange(options.find((m) => m.id === id) ?? null)}
      placeholder={t('输入手机号、姓名或会员编号搜索', 'Search by phone, name or member number')}
      notFoundContent={busy ? null : t('输入完整手机号或姓名查找会员', 'Type a whole phone number or a name')}
      options={options.map((m) => ({ value: m.id, label: memberLabel(t, m) }))}
      style={{ width: '100%' }}
      data-testid="member-picker"
    />
  );
}

/**
 * 发放卡券 to a member: from a batch that makes a card at each issue (on_issue), named by its template.
 * Fixed `member` (the member profile) picks the batch; fixed `batch` (the batches page) picks the member.
 * POST /v1/cards/issue, idempotent: a double click issues once.
 */
export function IssueCardDialog(props: { member?: Member; batch?: Batch; onClose: () => void; onIssued: (c: IssuedCard, m: Member) => void }) {
  const t = useT();
  const name = useName();
  const { api } = useConsole();
  const [member, setMember] = useState<Member | null>(props.member ?? null);
  const [batchId, setBatchId] = useState<string | undefined>(props.batch?.id);
  const [batches, setBatches] = useState<Batch[]>(props.batch ? [props.batch] : []);
  const [templates, setTemplates] = useState<Map<string, Template> | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // both lists before the choice is offered: its labels are the templates' names
    Promise.all([api.templates({ limit: 200 }), props.batch ? null : api.batches({ mode: 'on_issue', limit: 200 })])
      .then(([tp, bp]) => {
        if (bp) setBatches(bp.data);
        setTemplates(new Map(tp.data.map((x) => [x.id, x])));
      })
      .catch(report);
  }, [api, props.batch]);
  const tplOf = (b: Batch) => templates?.get(b.template_id);
  const usable = batches.filter((b) => tplOf(b)?.status !== 'archived' && (b.stock == null || b.issued < b.stock));
  const batch = batches.find((b) => b.id === batchId);
  const tpl = batch ? tplOf(batch) : undefined;

  const issue = async () => {
    if (!member || !batch) return;
    setBusy(true);
    try {
      const c = await api.issue({ batch_id: batch.id, member_id: member.id });
      if ('review_id' in c) {
        message.info(t(`已提交人工审核（审核单 ${c.review_id}），通过后发放`, `Sent to review (${c.review_id}); issued once approved`));
        return;
      }
      message.success(
        t(
          `已发放给 ${member.name ?? memberLabel(t, member)}：${tpl?.name ?? batch.name}（尾号 ${c.code_tail}）`,
          `Issued to ${member.name ?? memberLabel(t, member)}: ${tpl?.name ?? batch.name} (ends ${c.code_tail})`,
        ),
      );
      props.onIssued(c, member);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={props.member ? t(`发放卡券给 ${props.member.name ?? memberLabel(t, props.member)}`, 'Issue a card') : t('发放给会员', 'Issue to a member')}
      onCancel={props.onClose}
      onOk={issue}
      okText={t('确认发放', 'Issue')}
      okButtonProps={{ disabled: !member || !batch, loading: busy, 'data-testid': 'issue-confirm' } as any}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {props.batch ? (
          <Space direction="vertical" size={0}>
            <Typography.Text>
              {t('卡券', 'Card')}：<b>{tpl ? `${tpl.name}（${name('kind', tpl.kind)}）` : '…'}</b>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('批次', 'Batch')}：{props.batch.name}
              {props.batch.stock != null &&
                t(`，剩余 ${num(props.batch.stock - props.batch.issued)} 张`, `, ${num(props.batch.stock - props.batch.issued)} left`)}
            </Typography.Text>
          </Space>
        ) : !templates ? (
          <Spin />
        ) : (
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('选择要发放的卡券（发放时生成券码的批次）', 'Choose what to issue (a batch that makes codes on issue)')}
            value={batchId}
            onChange={setBatchId}
            options={usable.map((b) => ({
              value: b.id,
              label: `${tplOf(b)?.name ?? b.name} · ${name('kind', tplOf(b)?.kind)} · ${b.name}${b.stock != null ? t(`（剩余 ${num(b.stock - b.issued)}）`, ` (${num(b.stock - b.issued)} left)`) : ''}`,
            }))}
            style={{ width: '100%' }}
            data-testid="issue-batch"
          />
        )}
        {props.member ? null : <MemberPicker value={member} onChange={setMember} />}
        {!props.batch && batches.length > 0 && usable.length === 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('没有可发放的批次：先在「批次」中新建一个“发放时生成”的批次', 'No batch to issue from: create a “generated on issue” batch first')}
          />
        )}
        {member && batch && (
          <Alert
            type="info"
            showIcon
            data-testid="issue-summary"
            title={t(
              `将向 ${memberLabel(t, member)} 发放 1 张「${tpl?.name ?? batch.name}」，会员可在钱包中查看`,
              `Issues one "${tpl?.name ?? batch.name}" to ${memberLabel(t, member)}; it shows in their wallet`,
            )}
          />
        )}
      </Space>
    </Modal>
  );
}
