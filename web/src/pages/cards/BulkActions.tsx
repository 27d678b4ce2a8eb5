import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Input, InputNumber, List, Modal, Progress, Radio, Result, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, report } from '../../api';
import type { BulkAction, BulkBody, BulkOp, BulkResult, CardFilter } from '../../api/types';
import { useName, useT } from '../../i18n';
import { num } from '../../format';
import { useConsole } from '../../apps/Console';

/** What a bulk action covers: the cards picked in the list, or every card the search matches (counted first). */
export type BulkScope = { ids: string[] } | { filter: CardFilter };

export const BULK_ACTIONS: { key: BulkAction; zh: string; en: string; danger?: boolean }[] = [
  { key: 'freeze', zh: '冻结', en: 'Freeze' },
  { key: 'unfreeze', zh: '解冻', en: 'Unfreeze' },
  { key: 'void', zh: '作废', en: 'Void', danger: true },
  { key: 'extend', zh: '延长有效期', en: 'Extend expiry' },
];

/** Why a card was skipped, for the person who asked: the single action's problem code and the card's state then. */
export function useSkipReason() {
  const t = useT();
  const name = useName();
  return (r: BulkResult): string => {
    const s = r.card_state ? name('state', r.card_state) : '';
    switch (r.code) {
      case 'CARD_ALREADY_FROZEN':
        return t('已是冻结状态', 'Already frozen');
      case 'CARD_NOT_ACTIVE':
        return t(`卡券${s}，只有可用的卡券能冻结`, `The card is ${s.toLowerCase()}; only active cards can be frozen`);
      case 'CARD_NOT_FROZEN':
        return t(`未冻结（当前${s}）`, `Not frozen (${s.toLowerCase()})`);
      case 'CARD_NOT_VOIDABLE':
        return r.card_state === 'voided' ? t('已作废', 'Already voided') : t(`卡券${s}，不能再作废`, `The card is ${s.toLowerCase()}; it cannot be voided`);
      case 'CARD_NOT_FOUND':
        return t('找不到这张卡券', 'Card not found');
      case 'CARD_NO_EXPIRY':
        return t('长期有效，无需延期', 'No expiry to extend');
      case 'CARD_EXPIRED':
        return t('已过期，不能延期', 'Already expired; cannot be extended');
      case 'CARD_NOT_EXTENDABLE':
        return r.card_state === 'active' || r.card_state === 'frozen'
          ? t('周期卡按期数到期，不能延期', 'A periodic card ends with its periods; it cannot be extended')
          : t(`卡券${s}，不能延期`, `The card is ${s.toLowerCase()}; it cannot be extended`);
      case 'EXPIRY_NOT_LATER':
        return t('新有效期不晚于原有效期', 'The new expiry is not later than the card’s');
      case 'CARD_CHANGED':
        return t('处理时卡券发生了变化，请重试', 'The card changed meanwhile; try again');
      default:
        return r.code ?? '';
    }
  };
}

/**
 * 批量操作: counts what it will change and asks to confirm that number; a selection is done at
 * once, every card of a search by a job whose progress is shown; then what was done and what was
 * skipped, and why.
 */
export function BulkDialog({ scope, action, onClose }: { scope: BulkScope; action: BulkAction; onClose: (changed: boolean) => void }) {
  const t = useT();
  const skipReason = useSkipReason();
  const { api } = useConsole();
  const a = BULK_ACTIONS.find((x) => x.key === action)!;
  const [count, setCount] = useState<{ n: number; over: boolean } | null>('ids' in scope ? { n: scope.ids.length, over: false } : null);
  const [reason, setReason] = useState('');
  const [how, setHow] = useState<'to_date' | 'days'>('days');
  const [toDate, setToDate] = useState<Dayjs | null>(null);
  const [days, setDays] = useState<number | null>(30);
  const [op, setOp] = useState<BulkOp | null>(null);
  const [skipped, setSkipped] = useState<BulkResult[]>([]);
  const [busy, setBusy] = useState(false);
  const [changedCount, setChangedCount] = useState(false);

  const recount = () => {
    if ('filter' in scope)
      api
        .cardCount(scope.filter)
        .then((c) => setCount({ n: c.count, over: c.over_cap }))
        .catch(report);
  };
  useEffect(recount, []);
  // a job's progress, until it is done; then its skipped cards
  useEffect(() => {
    if (!op) return;
    if (op.state !== 'running') {
      if ('filter' in scope)
        api
          .bulkOp(op.id, { outcome: 'skipped', limit: 200 })
          .then((r) => setSkipped(r.results))
          .catch(report);
      else setSkipped(op.results.filter((r) => r.outcome === 'skipped'));
      return;
    }
    const timer = setTimeout(() => api.bulkOp(op.id, { limit: 1 }).then(setOp).catch(report), 700);
    return () => clearTimeout(timer);
  }, [op]);

  const missing = (action === 'void' && !reason.trim()) || (action === 'extend' && (how === 'days' ? !days : !toDate));
  const submit = async () => {
    if (!count) return;
    const body: BulkBody = {
      action,
      ...('ids' in scope ? { card_ids: scope.ids } : { filter: scope.filter, expected_count: count.n }),
      ...(reason.trim() && (action === 'void' || action === 'freeze') ? { reason: reason.trim() } : {}),
      ...(action === 'extend' ? (how === 'days' ? { days: days! } : { to_date: toDate!.format('YYYY-MM-DD') }) : {}),
    };
    setBusy(true);
    try {
      setOp(await api.bulk(body));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'BULK_COUNT_CHANGED') {
        setChangedCount(true);
        recount();
      } else report(e);
    } finally {
      setBusy(false);
    }
  };

  const title = t(`批量${a.zh}`, `${a.en} in bulk`);
  if (op) {
    const finished = op.done + op.skipped;
    return (
      <Modal
        open
        title={title}
        onCancel={() => onClose(true)}
        footer={
          <Button type="primary" onClick={() => onClose(true)} data-testid="bulk-done">
            {t('完成', 'Done')}
          </Button>
        }
      >
        {op.state === 'running' ? (
          <div data-testid="bulk-progress">
            <Progress percent={Math.floor((finished / Math.max(op.total, 1)) * 100)} />
            <Typography.Text type="secondary">
              {t(`已处理 ${num(finished)} / ${num(op.total)} 张`, `${num(finished)} of ${num(op.total)} cards done`)}
            </Typography.Text>
          </div>
        ) : (
          <Result
            status={op.state === 'failed' ? 'error' : op.skipped ? 'warning' : 'success'}
            title={
              <span data-testid="bulk-summary">
                {t(`已${a.zh} ${num(op.done)} 张，跳过 ${num(op.skipped)} 张`, `${a.en}: ${num(op.done)} done, ${num(op.skipped)} skipped`)}
              </span>
            }
            subTitle={
              op.state === 'failed'
                ? t(
                    `处理中断：其余 ${num(op.total - finished)} 张未处理，请稍后对它们重新操作。`,
                    `Stopped: the other ${num(op.total - finished)} cards were left as they were; try them again later.`,
                  )
                : op.skipped
                  ? t('以下卡券未处理，原因如下：', 'These cards were left as they were:')
                  : undefined
            }
          />
        )}
        {skipped.length > 0 && (
          <List
            size="small"
            bordered
            data-testid="bulk-skipped"
            style={{ maxHeight: 240, overflow: 'auto' }}
            dataSource={skipped}
            renderItem={(r) => (
              <List.Item>
                <span className="kq-mono">•••• {r.code_tail ?? '—'}</span>
                <span>{skipReason(r)}</span>
              </List.Item>
            )}
          />
        )}
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={title}
      onCancel={() => onClose(false)}
      onOk={submit}
      confirmLoading={busy}
      okText={count ? t(`确认${a.zh} ${num(count.n)} 张`, `${a.en} ${num(count.n)} cards`) : t('确认', 'Confirm')}
      okButtonProps={{ danger: a.danger, disabled: !count || count.over || count.n === 0 || missing, 'data-testid': 'bulk-confirm' } as any}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {!count ? (
          <Spin />
        ) : count.over ? (
          <Alert
            type="error"
            showIcon
            message={t('超过 10,000 张卡券符合条件，请缩小搜索范围后再操作。', 'More than 10,000 cards match; narrow the search first.')}
          />
        ) : (
          <Alert
            type={a.danger ? 'warning' : 'info'}
            showIcon
            data-testid="bulk-count"
            message={
              'ids' in scope
                ? t(`将对已选的 ${num(count.n)} 张卡券执行「${a.zh}」`, `${a.en} the ${num(count.n)} selected cards`)
                : t(`将对符合当前搜索条件的 ${num(count.n)} 张卡券执行「${a.zh}」`, `${a.en} all ${num(count.n)} cards matching this search`)
            }
            description={
              changedCount
                ? t('符合条件的卡券数量刚刚变了，请核对后再确认。', 'The number of matching cards just changed; check it and confirm again.')
                : action === 'void'
                  ? t(
                      '作废不可恢复，剩余价值将核销入账。不适用的卡券会被跳过并说明原因。',
                      'Voiding cannot be undone. Cards it does not apply to are skipped, with the reason.',
                    )
                  : t('不适用的卡券会被跳过并说明原因。', 'Cards it does not apply to are skipped, with the reason.')
            }
          />
        )}
        {(action === 'void' || action === 'freeze') && (
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={action === 'void' ? t('作废原因（必填）', 'Why (required)') : t('冻结原因（选填）', 'Why (optional)')}
            data-testid="bulk-reason"
          />
        )}
        {action === 'extend' && (
          <Space direction="vertical">
            <Radio.Group value={how} onChange={(e) => setHow(e.target.value)} data-testid="bulk-extend-how">
              <Radio value="days">{t('在原有效期上顺延', 'Add days to each card’s expiry')}</Radio>
              <Radio value="to_date">{t('统一延长到指定日期', 'Extend to a date')}</Radio>
            </Radio.Group>
            {how === 'days' ? (
              <InputNumber min={1} max={3650} value={days} onChange={setDays} addonAfter={t('天', 'days')} data-testid="bulk-extend-days" />
            ) : (
              <DatePicker
                value={toDate}
                onChange={setToDate}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                placeholder={t('有效期至（当天有效）', 'Valid through (inclusive)')}
                data-testid="bulk-extend-date"
              />
            )}
          </Space>
        )}
      </Space>
    </Modal>
  );
}
