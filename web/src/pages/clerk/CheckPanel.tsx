import { Alert, Card as Panel, Input, InputNumber, Select, Space } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, EditFilled } from '@ant-design/icons';
import type { CheckResult } from '../../api/types';
import { useName, useT } from '../../i18n';
import { money, num } from '../../format';
import { rulesInWords } from '../../rules';
import { CardFace } from '../../components/CardFace';
import { BALANCE_KINDS, USES_KINDS, stampProgress } from '../../taken';
import { checkProblem, ProblemMessage } from '../../problems';

/** What the clerk fills in for a redemption (money in yuan as typed; the page sends fen). */
export interface Inputs {
  order: number | null;
  amount: number | null;
  uses: number | null;
  products: string[];
  approval: string;
}

/** Refusals that only mean "this card needs more from you": asked for, never shown as a red refusal. */
const ASKS: Record<string, keyof Inputs> = { ORDER_AMOUNT_REQUIRED: 'order', AMOUNT_REQUIRED: 'amount', PRODUCTS_REQUIRED: 'products' };

/**
 * The card as checked: its face, whether it can be redeemed here now, its rules, and the inputs its
 * redemption needs — the ones it cannot go without first (the order amount for a minimum spend or a
 * discount, the amount for a balance card), with a numeric keypad on a phone.
 */
export function CheckPanel(props: {
  check: CheckResult;
  inputs: Inputs;
  onInputs: (i: Inputs) => void;
  locked: boolean;
  currency: string;
  rewardName: string | null;
  storeName: (id: string | null) => string;
  /** the tenant's time zone: the face says when it cannot be used today, dates are its days */
  tz?: string;
}) {
  const t = useT();
  const name = useName();
  const { check, inputs, locked } = props;
  const cur = props.currency;
  const tpl = check.template;
  const k = check.card.kind;
  const set = (patch: Partial<Inputs>) => props.onInputs({ ...inputs, ...patch });
  const needs = check.needs;
  const ask = check.code ? ASKS[check.code] : undefined; // the check waits for this input
  const minSpend = tpl.rules.min_spend;

  const orderInput = (
    <InputNumber
      key="order"
      size="large"
      style={{ width: '100%' }}
      min={0}
      precision={2}
      prefix="¥"
      inputMode="decimal"
      autoFocus={needs.includes('order_amount')}
      disabled={locked}
      status={ask === 'order' ? 'warning' : undefined}
      placeholder={
        needs.includes('order_amount')
          ? t(
              `订单金额（必填${minSpend ? `，满 ${money(minSpend, cur)} 可用` : ''}）`,
              `Order amount (required${minSpend ? `; ${money(minSpend, cur)} minimum` : ''})`,
            )
          : t('订单金额（选填，用于统计）', 'Order amount (optional, for reports)')
      }
      value={inputs.order}
      onChange={(v) => set({ order: v })}
      data-testid="clerk-order"
    />
  );
  const amountInput = (
    <div key="amount">
      <div className="kq-muted">
        {t('余额', 'Balance')} <b style={{ color: '#000' }}>{money(check.card.balance, cur)}</b>
      </div>
      <InputNumber
        size="large"
        style={{ width: '100%' }}
        min={0.01}
        precision={2}
        prefix="¥"
        inputMode="decimal"
        autoFocus
        disabled={locked}
        status={ask === 'amount' ? 'warning' : undefined}
        placeholder={t('扣减金额（必填）', 'Amount to take (required)')}
        value={inputs.amount}
        onChange={(v) => set({ amount: v })}
        data-testid="clerk-amount"
      />
    </div>
  );
  const usesInput = (
    <div key="uses">
      <div className="kq-muted">
        {t('剩余次数', 'Uses left')} <b style={{ color: '#000' }}>{num(check.card.uses_left)}</b>
      </div>
      <InputNumber
        size="large"
        style={{ width: '100%' }}
        min={1}
        max={check.card.uses_left || 1}
        inputMode="numeric"
        disabled={locked}
        addonBefore={t('核销次数', 'Uses')}
        value={inputs.uses}
        onChange={(v) => set({ uses: v })}
        data-testid="clerk-uses"
      />
    </div>
  );
  const productsInput = (
    <Select
      key="products"
      size="large"
      mode="multiple"
      style={{ width: '100%' }}
      disabled={locked}
      status={ask === 'products' ? 'warning' : undefined}
      placeholder={t('订单中的适用商品（必选）', 'Products of this card in the order (required)')}
      options={(tpl.rules.product_ids ?? []).map((p) => ({ value: p, label: p }))}
      value={inputs.products}
      onChange={(v) => set({ products: v })}
      data-testid="clerk-products"
    />
  );
  // what the card cannot go without comes first; the order amount stays last when it only feeds the reports
  const fields = [
    BALANCE_KINDS.includes(k) && amountInput,
    needs.includes('order_amount') && orderInput,
    USES_KINDS.includes(k) && usesInput,
    needs.includes('product_ids') && productsInput,
    !needs.includes('order_amount') && k !== 'external' && orderInput,
  ].filter(Boolean);

  return (
    <Panel size="small" data-testid="clerk-card">
      <CardFace
        kind={k}
        name={tpl.name}
        value={tpl.value}
        tail={check.card.code_tail}
        live={check.card}
        rules={tpl.rules}
        tz={props.tz}
        dim={!check.redeemable && !ask}
        foot={name('state', check.card.state)}
      />
      <div style={{ margin: '12px 0' }} data-testid="clerk-verdict">
        {check.redeemable ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t('可以在本店核销', 'Can be redeemed here now')}
            description={takes(t, check, cur)}
          />
        ) : ask ? (
          <Alert
            type="info"
            showIcon
            icon={<EditFilled />}
            data-testid="clerk-ask"
            title={
              ask === 'order'
                ? t('请输入订单金额', 'Enter the order amount')
                : ask === 'amount'
                  ? t('请输入本次扣减金额', 'Enter the amount to take')
                  : t('请选择订单中的适用商品', 'Pick the card’s products in the order')
            }
            description={
              ask === 'order'
                ? minSpend
                  ? t(`这张券满 ${money(minSpend, cur)} 可用，输入订单金额后即可核销`, `This card needs an order of ${money(minSpend, cur)} or more`)
                  : t('按订单金额计算优惠，输入后即可核销', 'The discount is a share of the order')
                : undefined
            }
          />
        ) : (
          <Alert
            type="error"
            showIcon
            icon={<CloseCircleFilled />}
            title={t('暂不能核销', 'Cannot be redeemed now')}
            description={<ProblemMessage error={checkProblem(check)} />}
          />
        )}
      </div>
      {k === 'stamp' && props.rewardName && (
        <div style={{ marginBottom: 8 }} data-testid="clerk-reward">
          {t(`集满 ${tpl.value.goal} 点送：`, `${tpl.value.goal} stamps earn: `)}
          <b>{props.rewardName}</b>
        </div>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {fields}
        {(check.code === 'VERIFICATION_REQUIRED' || inputs.approval) && (
          <Input
            size="large"
            className="kq-mono"
            allowClear
            disabled={locked}
            addonBefore={t('审批码', 'Approval id')}
            placeholder={t('向运营索取审批码（apr_…）', 'Ask an operator for an approval id (apr_…)')}
            value={inputs.approval}
            onChange={(e) => set({ approval: e.target.value })}
            data-testid="clerk-approval"
          />
        )}
      </Space>
      <ul style={{ paddingInlineStart: 18, margin: '12px 0 0', color: 'rgba(0,0,0,.65)' }}>
        {rulesInWords(t, tpl.kind, tpl.value, tpl.validity, tpl.rules, props.storeName, { tz: props.tz, live: check.card }).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </Panel>
  );
}

/** What this redemption will take, as the card counts it. */
function takes(t: (zh: string, en: string) => string, check: CheckResult, cur: string): string | undefined {
  const x = check.take;
  if (!x) return undefined;
  const k = check.card.kind;
  if (USES_KINDS.includes(k))
    return t(`本次核销 ${x.uses} 次，核销后剩余 ${check.card.uses_left - x.uses} 次`, `Takes ${x.uses} use(s); ${check.card.uses_left - x.uses} left after`);
  if (k === 'stamp') {
    const goal = check.template.value.goal ?? 0;
    const reached = check.card.stamps + x.stamps >= goal;
    return t(
      `本次集点 ${stampProgress(check.card.stamps + x.stamps, x.stamps, goal, false)}${reached ? '，集满即发放奖励' : ''}`,
      `Stamps ${stampProgress(check.card.stamps + x.stamps, x.stamps, goal, false)}${reached ? '; the goal is reached and the reward issued' : ''}`,
    );
  }
  if (BALANCE_KINDS.includes(k))
    return t(
      `本次扣减 ${money(x.amount, cur)}，余额剩 ${money(check.card.balance - x.amount, cur)}`,
      `Takes ${money(x.amount, cur)}; ${money(check.card.balance - x.amount, cur)} left`,
    );
  if (k === 'exchange')
    return t(
      `兑换 1 份「${check.template.value.product_name ?? check.template.value.sku}」`,
      `Exchanges one "${check.template.value.product_name ?? check.template.value.sku}"`,
    );
  return t(`本次优惠 ${money(x.value, cur)}`, `Takes ${money(x.value, cur)} off`);
}
