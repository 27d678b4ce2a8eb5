import { useState } from 'react';
import { Button, Form, Input, InputNumber, List, Modal, Select, Space, Tag } from 'antd';
import type { DryRunLine } from '../../../api/automation';
import type { Member } from '../../../api/types';
import { useConsole } from '../../../apps/Console';
import { useT } from '../../../i18n';
import { Refusal } from '../../wholesale/Refusal';
import { MemberPicker } from '../../members/IssueCardDialog';
import { TRIGGERS } from './words';

/**
 * 试运行: a sample event for a member (an order of an amount, a custom event of a type, a birthday …)
 * and which active rules would fire for it now — and, for each that would not, why. Nothing is written.
 */
export function DryRun({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { api } = useConsole();
  const [member, setMember] = useState<Member | null>(null);
  const [type, setType] = useState('order.placed');
  const [amount, setAmount] = useState<number | null>(100);
  const [kind, setKind] = useState('');
  const [lines, setLines] = useState<DryRunLine[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    if (!member) return;
    setError(null);
    const event = type === 'order.first' ? 'order.placed' : type;
    const data: Record<string, unknown> =
      event === 'order.placed' ? { amount: Math.round((amount ?? 0) * 100) } : event === 'activity.recorded' ? { type: kind } : {};
    try {
      setLines((await api.dryRunAutomation({ type: event, member_id: member.id, data })).data);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal open width={640} title={t('试运行', 'Dry run')} onCancel={onClose} footer={null} destroyOnHidden>
      <Refusal error={error} testId="dry-run-error" />
      <Form layout="vertical">
        <Form.Item label={t('会员', 'Member')}>
          <MemberPicker value={member} onChange={setMember} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('样例事件', 'Sample event')}>
            <Select
              value={type}
              onChange={setType}
              style={{ width: 180 }}
              options={TRIGGERS.filter((x) => x.value !== 'order.first' && x.value !== 'points.threshold').map((x) => ({
                value: x.value,
                label: t(x.zh, x.en),
              }))}
              data-testid="dry-run-type"
            />
          </Form.Item>
          {type === 'order.placed' && (
            <Form.Item label={t('订单金额（元）', 'Order amount (¥)')}>
              <InputNumber min={0} value={amount} onChange={setAmount} data-testid="dry-run-amount" />
            </Form.Item>
          )}
          {type === 'activity.recorded' && (
            <Form.Item label={t('行为类型', 'Event type')}>
              <Input value={kind} onChange={(e) => setKind(e.target.value)} />
            </Form.Item>
          )}
          <Form.Item label=" ">
            <Button type="primary" disabled={!member} onClick={run} data-testid="dry-run-go">
              {t('试运行', 'Run')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {lines && (
        <List
          data-testid="dry-run-result"
          bordered
          dataSource={lines}
          locale={{ emptyText: t('没有启用中的规则', 'No active rules') }}
          renderItem={(l) => (
            <List.Item>
              <Space>
                {l.would_fire ? <Tag color="green">{t('会触发', 'Would fire')}</Tag> : <Tag>{t('不触发', 'Would not')}</Tag>}
                <b>{l.rule_name}</b>
                {l.reason_text && <span className="kq-muted">{t(l.reason_text.zh, l.reason_text.en)}</span>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
