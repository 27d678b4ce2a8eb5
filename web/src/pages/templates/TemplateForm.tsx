import { useEffect, useMemo, useState, type ReactElement } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  message,
  Row,
  Select,
  Space,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { ApiError, report } from '../../api';
import { ProblemMessage } from '../../problems';
import type { Kind, Rules, Store, Template, TemplateInput, TemplateValue, Validity } from '../../api/types';
import { NAMES, useName, useT } from '../../i18n';
import { fenToYuan, money as fmtMoney, yuanToFen } from '../../format';
import { CardFace } from '../../components/CardFace';
import { rulesInWords } from '../../rules';
import { useConsole } from '../../apps/Console';
import { confirmImpact } from './impact';
import { BonusTiers } from './BonusTiers';

const KINDS = Object.keys(NAMES.kind) as Kind[];
const MONEY_FIELDS = ['amount_off', 'max_off', 'face_value', 'card_value', 'initial_balance', 'max_balance'] as const;
/** Kinds whose value is uses: their worth is given per use (face_value) or for the whole card (card_value). */
const USES_KINDS: Kind[] = ['count', 'periodic'];
/** What a stamp card may reward (mirrors STAMP_REWARD_KINDS in src/modules/templates/schemas.ts). */
const STAMP_REWARD_KINDS: Kind[] = ['cash', 'discount', 'exchange', 'count', 'periodic'];

/** Which value fields each kind shows (mirrors src/modules/templates/validate.ts). */
const FIELDS: Record<Kind, (keyof TemplateValue)[]> = {
  cash: ['amount_off'],
  discount: ['percent_off', 'max_off'],
  exchange: ['sku', 'product_name', 'face_value'],
  count: ['uses', 'product_name', 'face_value'],
  periodic: ['uses_per_period', 'period', 'periods', 'product_name', 'face_value'],
  stored_value: ['initial_balance', 'max_balance'],
  gift: ['initial_balance', 'max_balance'],
  stamp: ['goal', 'reward_template_id', 'product_name'],
  external: ['supplier', 'product_name', 'face_value'],
};
const REQUIRED: Partial<Record<keyof TemplateValue, Kind[]>> = {
  amount_off: ['cash'],
  percent_off: ['discount'],
  sku: ['exchange'],
  uses: ['count'],
  uses_per_period: ['periodic'],
  period: ['periodic'],
  periods: ['periodic'],
  initial_balance: ['stored_value', 'gift'],
  goal: ['stamp'],
  reward_template_id: ['stamp'],
  supplier: ['external'],
  product_name: ['external'],
};

interface FormValues {
  kind: Kind;
  name: string;
  description?: string;
  value: Record<string, any>;
  /** count/periodic: the value field is what one use is worth, or what the whole card is */
  worth?: 'per_use' | 'per_card';
  validity_type: Validity['type'];
  fixed?: [dayjs.Dayjs, dayjs.Dayjs];
  days?: number;
  from?: 'issue' | 'bind';
  unit?: 'week' | 'month' | 'quarter' | 'year';
  weekdays?: number[];
  hours?: [dayjs.Dayjs, dayjs.Dayjs];
  store_ids?: string[];
  min_spend?: number;
  per_member_limit?: number;
  bind_within_hours?: number;
  transferable?: boolean;
  verification?: boolean;
  verification_threshold?: number;
  /** 动态码: redeemed only by the wallet's rotating code */
  dynamic_code?: boolean;
  /** 短信二次验证 above this, yuan as typed */
  otp_above?: number | null;
  /** 窜货规则: allow, flag (the default when absent), refuse */
  leakage?: 'allow' | 'flag' | 'refuse';
  product_ids?: string[];
  /** 充值赠送 tiers, in yuan as typed: 充 min 送 bonus */
  top_up_bonus?: { min?: number | null; bonus?: number | null }[];
}

function toInput(v: FormValues): TemplateInput {
  const value: Record<string, any> = {};
  for (const f of FIELDS[v.kind]) {
    const x = v.value?.[f];
    if (x === undefined || x === null || x === '') continue;
    value[f] = (MONEY_FIELDS as readonly string[]).includes(f) ? yuanToFen(x) : x;
  }
  if (USES_KINDS.includes(v.kind) && v.worth === 'per_card' && value.face_value !== undefined) {
    value.card_value = value.face_value;
    delete value.face_value;
  }
  let validity: Validity;
  if (v.validity_type === 'fixed')
    validity = {
      type: 'fixed',
      starts_at: v.fixed?.[0]?.startOf('day').toISOString(),
      ends_at: (v.fixed?.[1] ?? dayjs().add(30, 'day')).endOf('day').toISOString(),
    };
  else if (v.validity_type === 'relative') validity = { type: 'relative', days: v.days ?? 30, from: v.from ?? 'issue' };
  else if (v.validity_type === 'period_end') validity = { type: 'period_end', unit: v.unit ?? 'month' };
  else validity = { type: 'none' };
  const rules: Rules = {};
  if (v.weekdays?.length && v.weekdays.length < 7) rules.weekdays = v.weekdays;
  if (v.hours?.[0] && v.hours?.[1]) rules.hours = [{ from: v.hours[0].format('HH:mm'), to: v.hours[1].format('HH:mm') }];
  if (v.store_ids?.length) rules.store_ids = v.store_ids;
  if (v.min_spend) rules.min_spend = yuanToFen(v.min_spend);
  if (v.product_ids?.length) rules.product_ids = v.product_ids;
  if (v.per_member_limit) rules.per_member_limit = v.per_member_limit;
  if (v.bind_within_hours) rules.bind_within_hours = v.bind_within_hours;
  if (v.transferable) rules.transferable = true;
  if (v.verification) rules.verification = v.verification_threshold ? { threshold: yuanToFen(v.verification_threshold)! } : {};
  if (v.dynamic_code) rules.dynamic_code = true;
  if (v.otp_above != null) rules.otp_above = yuanToFen(v.otp_above)!;
  // flag is what no rule means: only the other two are written
  if (v.leakage && v.leakage !== 'flag') rules.leakage = v.leakage;
  const tiers = (v.top_up_bonus ?? []).filter((x) => x?.min && x?.bonus);
  if ((v.kind === 'stored_value' || v.kind === 'gift') && tiers.length)
    rules.top_up_bonus = tiers.map((x) => ({ min_amount: yuanToFen(x.min)!, bonus: yuanToFen(x.bonus)! }));
  return { kind: v.kind, name: v.name ?? '', description: v.description || null, value: value as TemplateValue, validity, rules };
}

function fromTemplate(t: Template): FormValues {
  const value: Record<string, any> = { ...t.value };
  for (const f of MONEY_FIELDS) if (value[f] !== undefined) value[f] = fenToYuan(value[f]);
  // the form has one field for a count card's worth, and says per use or per card beside it
  const perCard = value.card_value !== undefined;
  if (perCard) {
    value.face_value = value.card_value;
    delete value.card_value;
  }
  const v = t.validity,
    r = t.rules;
  return {
    kind: t.kind,
    name: t.name,
    description: t.description ?? undefined,
    value,
    worth: perCard ? 'per_card' : 'per_use',
    validity_type: v.type,
    fixed: v.type === 'fixed' ? [dayjs(v.starts_at ?? t.created_at), dayjs(v.ends_at)] : undefined,
    days: v.type === 'relative' ? v.days : undefined,
    from: v.type === 'relative' ? v.from : undefined,
    unit: v.type === 'period_end' ? v.unit : undefined,
    weekdays: r.weekdays,
    hours: r.hours?.[0] ? [dayjs(r.hours[0].from, 'HH:mm'), dayjs(r.hours[0].to, 'HH:mm')] : undefined,
    store_ids: r.store_ids,
    min_spend: fenToYuan(r.min_spend),
    per_member_limit: r.per_member_limit,
    bind_within_hours: r.bind_within_hours,
    transferable: r.transferable,
    verification: !!r.verification,
    verification_threshold: fenToYuan(r.verification?.threshold),
    dynamic_code: !!r.dynamic_code,
    otp_above: fenToYuan(r.otp_above),
    leakage: r.leakage ?? 'flag',
    product_ids: r.product_ids,
    top_up_bonus: r.top_up_bonus?.map((x) => ({ min: fenToYuan(x.min_amount), bonus: fenToYuan(x.bonus) })),
  };
}

export function TemplateForm(props: { open: boolean; editing: Template | null; templates: Template[]; onClose: () => void; onSaved: (t: Template) => void }) {
  const t = useT();
  const name = useName();
  const { api, me } = useConsole();
  const phone = !Grid.useBreakpoint().md;
  const [form] = Form.useForm<FormValues>();
  const [stores, setStores] = useState<Store[]>([]);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<unknown>(null);
  const watched = Form.useWatch([], form) as FormValues | undefined;
  const kind: Kind = watched?.kind ?? props.editing?.kind ?? 'cash';

  useEffect(() => {
    api
      .stores({ limit: 200 })
      .then((p) => setStores(p.data))
      .catch(report);
  }, [api]);
  useEffect(() => {
    if (!props.open) return;
    setFieldErrors(null);
    form.resetFields();
    form.setFieldsValue(
      props.editing ? fromTemplate(props.editing) : ({ kind: 'cash', validity_type: 'relative', days: 30, from: 'issue', value: {} } as FormValues),
    );
  }, [props.open, props.editing, form]);

  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  const preview = useMemo(() => {
    try {
      return watched?.kind ? toInput(watched) : null;
    } catch {
      return null;
    }
  }, [watched]);

  const save = async () => {
    const v = await form.validateFields();
    const input = toInput({ ...form.getFieldsValue(true), ...v });
    setSaving(true);
    setFieldErrors(null);
    try {
      let saved: Template;
      if (props.editing) {
        const e = props.editing;
        // only what the operator changed goes (the audit log and the impact say exactly that): compared with
        // what the form made of the template as it opened (dates are whole days in the form), not the stored JSON
        const opened = toInput(fromTemplate(e));
        const patch: Record<string, unknown> = {};
        for (const k of ['name', 'description', 'value', 'validity', 'rules'] as const)
          if (JSON.stringify(input[k] ?? null) !== JSON.stringify(opened[k] ?? null)) patch[k] = input[k];
        // rules the form does not edit (store tags, a geofence) stay as they are
        if (patch.rules)
          patch.rules = {
            ...(e.rules.store_tags ? { store_tags: e.rules.store_tags } : {}),
            ...(e.rules.geofence ? { geofence: e.rules.geofence } : {}),
            ...input.rules,
          };
        if (!Object.keys(patch).length) {
          message.info(t('没有修改', 'Nothing changed'));
          props.onSaved(e);
          return;
        }
        // cards already out: say what this change does to them, and ask, before saving
        if (!(await confirmImpact(t, await api.templateImpact(e.id, patch), e.name))) return;
        saved = await api.updateTemplate(e.id, patch);
      } else saved = await api.createTemplate(input);
      message.success(
        props.editing
          ? t(`已保存模板「${saved.name}」`, `Template “${saved.name}” saved`)
          : t(`已创建模板「${saved.name}」`, `Template “${saved.name}” created`),
      );
      props.onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) setFieldErrors(e);
      report(e);
    } finally {
      setSaving(false);
    }
  };

  const money = (label: string) => <InputNumber min={0} step={1} precision={2} prefix="¥" style={{ width: '100%' }} placeholder={label} />;
  const fieldItem = (f: keyof TemplateValue) => {
    const required = REQUIRED[f]?.includes(kind);
    const rules = required ? [{ required: true, message: t('必填', 'Required') }] : [];
    const labels: Record<string, [string, string, ReactElement]> = {
      amount_off: ['减免金额', 'Amount off', money('10.00')],
      percent_off: [
        '优惠比例（%）',
        'Percent off',
        <InputNumber key="percent_off" min={0.01} max={99.99} step={5} addonAfter="%" style={{ width: '100%' }} placeholder="15 = 8.5折" />,
      ],
      max_off: ['最高优惠', 'Cap', money('')],
      sku: ['商品编码 SKU', 'SKU', <Input key="sku" />],
      product_name: ['商品 / 权益名称', 'Product name', <Input key="product_name" />],
      face_value: ['面值（报表用）', 'Face value (reports)', money('')],
      uses: ['总次数', 'Uses', <InputNumber key="uses" min={1} style={{ width: '100%' }} />],
      uses_per_period: ['每期次数', 'Uses per period', <InputNumber key="uses_per_period" min={1} style={{ width: '100%' }} />],
      period: [
        '周期',
        'Period',
        <Select key="period" options={(['week', 'month', 'quarter'] as const).map((p) => ({ value: p, label: name('period', p) }))} />,
      ],
      periods: ['期数', 'Periods', <InputNumber key="periods" min={1} style={{ width: '100%' }} />],
      initial_balance: ['初始余额 / 面值', 'Initial balance', money('100.00')],
      max_balance: ['余额上限', 'Balance cap', money('')],
      goal: ['集满点数', 'Stamps to goal', <InputNumber key="goal" min={2} style={{ width: '100%' }} />],
      reward_template_id: [
        '奖励模板',
        'Reward template',
        <Select
          key="reward_template_id"
          showSearch
          optionFilterProp="label"
          options={props.templates
            .filter((x) => STAMP_REWARD_KINDS.includes(x.kind) && (x.status === 'active' || x.id === watched?.value?.reward_template_id))
            .map((x) => ({ value: x.id, label: `${x.name}（${name('kind', x.kind)}）` }))}
          data-testid="template-reward"
        />,
      ],
      supplier: ['供应商', 'Supplier', <Input key="supplier" />],
    };
    const [zh, en, input] = labels[f];
    if (f === 'face_value' && USES_KINDS.includes(kind)) return worthItem();
    if (f === 'reward_template_id')
      return (
        <Col span={12} key={f}>
          <Form.Item
            name={['value', f]}
            label={t(zh, en)}
            rules={rules}
            extra={t(
              '可选代金券、折扣券、兑换券、次卡或周期卡；储值卡、礼品卡、集点卡和第三方卡密不能作为奖励',
              'A cash, discount, exchange, count or periodic template; stored value, gift, stamp and third-party templates cannot be rewards',
            )}
          >
            {input}
          </Form.Item>
        </Col>
      );
    return (
      <Col xs={24} sm={12} key={f}>
        <Form.Item name={['value', f]} label={t(zh, en)} rules={rules}>
          {input}
        </Form.Item>
      </Col>
    );
  };

  /** A count or periodic card's worth (for reports): per use or for the whole card, said beside the amount, with the other figure worked out. */
  const worthItem = () => {
    const perCard = watched?.worth === 'per_card';
    const yuan: number | undefined = watched?.value?.face_value ?? undefined;
    const uses = kind === 'periodic' ? (watched?.value?.uses_per_period ?? 0) * (watched?.value?.periods ?? 0) : (watched?.value?.uses ?? 0);
    const fen = yuan == null ? null : Math.round(yuan * 100);
    const other =
      fen == null || !uses
        ? null
        : perCard
          ? t(
              `共 ${uses} 次，每次约 ${fmtMoney(Math.floor(fen / uses))}（按次分摊，合计正好 ${fmtMoney(fen)}）`,
              `${uses} uses: about ${fmtMoney(Math.floor(fen / uses))} each (shares add up to ${fmtMoney(fen)})`,
            )
          : t(`共 ${uses} 次，整卡价值 ${fmtMoney(fen * uses)}`, `${uses} uses: ${fmtMoney(fen * uses)} for the whole card`);
    return (
      <Col span={24} key="worth">
        <Form.Item
          label={t('价值（报表“核销金额”用）', 'Worth (counted as redeemed value in reports)')}
          extra={other ?? t('每次核销按所核销次数计价值', 'Each redemption counts the worth of the uses it takes')}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="worth" noStyle initialValue="per_use">
              <Select
                style={{ width: 150 }}
                options={[
                  { value: 'per_use', label: t('每次价值', 'Per use') },
                  { value: 'per_card', label: t('整卡价值', 'Whole card') },
                ]}
                data-testid="template-worth"
              />
            </Form.Item>
            <Form.Item name={['value', 'face_value']} noStyle>
              <InputNumber min={0} step={1} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="template-worth-amount" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
    );
  };

  return (
    <Drawer
      width={phone ? '100%' : 980}
      open={props.open}
      onClose={props.onClose}
      destroyOnHidden
      title={props.editing ? t('编辑模板', 'Edit template') : t('新建模板', 'New template')}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="template-save">
            {t('保存', 'Save')}
          </Button>
        </Space>
      }
    >
      <Row gutter={24}>
        <Col xs={{ span: 24, order: 2 }} md={{ span: 15, order: 1 }}>
          <Form form={form} layout="vertical" requiredMark="optional" data-testid="template-form">
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
                  <Select
                    disabled={!!props.editing}
                    options={KINDS.map((k) => ({ value: k, label: name('kind', k) }))}
                    onChange={() => form.setFieldValue('value', {})}
                    virtual={false} // nine kinds: every one is in the list at once, none scrolled out of reach
                    listHeight={400}
                    data-testid="template-kind"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true, message: t('请填写名称', 'Give it a name') }]}>
                  <Input maxLength={200} data-testid="template-name" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="description" label={t('说明', 'Description')}>
                  <Input.TextArea rows={2} maxLength={4000} />
                </Form.Item>
              </Col>
            </Row>
            <Divider titlePlacement="start" plain>
              {t('权益内容', 'What it holds')}
            </Divider>
            <Row gutter={12}>{FIELDS[kind].map(fieldItem)}</Row>
            <Divider titlePlacement="start" plain>
              {t('有效期', 'Validity')}
            </Divider>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="validity_type" label={t('有效期类型', 'Type')}>
                  <Select
                    options={[
                      { value: 'relative', label: t('领取/发放后 N 天', 'N days after issue/bind') },
                      { value: 'fixed', label: t('固定日期', 'Fixed dates') },
                      { value: 'period_end', label: t('当期期末', 'End of period') },
                      { value: 'none', label: t('长期有效', 'No expiry') },
                    ]}
                  />
                </Form.Item>
              </Col>
              {watched?.validity_type === 'fixed' && (
                <Col xs={24} sm={12}>
                  <Form.Item name="fixed" label={t('起止日期', 'From – until')} rules={[{ required: true }]}>
                    <DatePicker.RangePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
              {watched?.validity_type === 'relative' && (
                <>
                  <Col xs={12} sm={6}>
                    <Form.Item name="days" label={t('天数', 'Days')} rules={[{ required: true }]}>
                      <InputNumber min={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item name="from" label={t('起算', 'From')}>
                      <Select
                        options={[
                          { value: 'issue', label: t('发放', 'issue') },
                          { value: 'bind', label: t('绑定', 'bind') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                </>
              )}
              {watched?.validity_type === 'period_end' && (
                <Col xs={24} sm={12}>
                  <Form.Item name="unit" label={t('期末', 'End of')}>
                    <Select options={(['week', 'month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: name('period', p) }))} />
                  </Form.Item>
                </Col>
              )}
            </Row>
            {kind !== 'external' && (
              <>
                <Divider titlePlacement="start" plain>
                  {t('使用规则', 'Rules')}
                </Divider>
                <Form.Item name="weekdays" label={t('可用星期（不选为每天）', 'Weekdays (none = every day)')}>
                  <Checkbox.Group
                    options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                      value: d,
                      label: t(`周${'一二三四五六日'[d - 1]}`, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]),
                    }))}
                  />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="hours" label={t('可用时段', 'Hours')}>
                      <TimePicker.RangePicker format="HH:mm" style={{ width: '100%' }} order={false} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="min_spend" label={t('最低消费', 'Minimum spend')}>
                      {money('')}
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="store_ids" label={t('适用门店（不选为全部门店）', 'Stores (none = all)')}>
                      <Select mode="multiple" allowClear optionFilterProp="label" options={stores.map((s) => ({ value: s.id, label: s.name }))} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name="product_ids" label={t('适用商品编码（不填为全部商品）', 'Product ids (none = any)')}>
                      <Select mode="tags" tokenSeparators={[',', ' ']} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name="per_member_limit" label={t('每人限领', 'Per member')}>
                      <InputNumber min={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name="bind_within_hours" label={t('需在 N 小时内绑定', 'Bind within (hours)')}>
                      <InputNumber min={1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name="transferable" label={t('可转赠', 'Transferable')} valuePropName="checked">
                      <Switch disabled={kind === 'gift'} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name="verification" label={t('大额二次验证', 'Second verification')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                  {watched?.verification && ['cash', 'discount', 'stored_value', 'gift'].includes(kind) && (
                    <Col xs={12} sm={8}>
                      <Form.Item name="verification_threshold" label={t('单笔阈值', 'Threshold')}>
                        {money('')}
                      </Form.Item>
                    </Col>
                  )}
                  <Col xs={12} sm={8}>
                    <Form.Item
                      name="dynamic_code"
                      label={t('动态码核销', 'Dynamic code only')}
                      tooltip={t(
                        '会员钱包显示每 30 秒更新的二维码，印刷码和截图不能核销',
                        'The wallet shows a QR that changes every 30 s; printed codes and screenshots are refused',
                      )}
                      valuePropName="checked"
                    >
                      <Switch data-testid="template-dynamic-code" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item
                      name="otp_above"
                      label={t('超过此金额需短信验证', 'SMS code above')}
                      tooltip={t(
                        '核销金额超过此值时，向会员手机发送验证码（或由运营审批）',
                        'Redemptions worth more need a code sent to the member’s phone (or an operator approval)',
                      )}
                    >
                      {money('')}
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={16}>
                    <Form.Item
                      name="leakage"
                      initialValue="flag"
                      label={t('窜货规则（渠道区域或门店标签之外使用）', 'Leakage (used outside the channel’s regions or stores)')}
                    >
                      <Select
                        data-testid="template-leakage"
                        options={[
                          { value: 'allow', label: t('允许', 'Allow') },
                          { value: 'flag', label: t('允许并预警（默认）', 'Allow and alert (default)') },
                          { value: 'refuse', label: t('拒绝核销', 'Refuse the redemption') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  {(kind === 'stored_value' || kind === 'gift') && (
                    <Col span={24}>
                      <BonusTiers />
                    </Col>
                  )}
                </Row>
              </>
            )}
            {fieldErrors != null && <Alert type="error" showIcon title={<ProblemMessage error={fieldErrors} />} data-testid="template-error" />}
          </Form>
        </Col>
        <Col xs={{ span: 24, order: 1 }} md={{ span: 9, order: 2 }}>
          <div style={{ position: 'sticky', top: 0, marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('预览', 'Preview')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              {preview && (
                <CardFace
                  kind={preview.kind}
                  name={preview.name}
                  value={preview.value}
                  rules={{ ...preview.rules, store_names: preview.rules?.store_ids?.map(storeName) }}
                  tz={me.tenant.time_zone}
                  foot={t('会员钱包中的样子', 'As members see it')}
                  tail="8K2Q"
                  testId="template-preview"
                />
              )}
            </div>
            {preview && (
              <ul style={{ paddingInlineStart: 18, marginTop: 16, color: 'rgba(0,0,0,.65)', lineHeight: 1.8 }}>
                {rulesInWords(t, preview.kind, preview.value, preview.validity, preview.rules ?? {}, storeName, { tz: me.tenant.time_zone }).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </div>
        </Col>
      </Row>
    </Drawer>
  );
}
