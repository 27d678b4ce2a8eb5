import { Type, type Static } from '@sinclair/typebox';
import { Money, Nullable, Timestamp } from '../../http/schemas.js';

export const KINDS = ['cash', 'discount', 'exchange', 'count', 'periodic', 'stored_value', 'gift', 'stamp', 'external'] as const;
export type Kind = (typeof KINDS)[number];
export const Kind = Type.Union(
  KINDS.map((k) => Type.Literal(k)),
  {
    description:
      'cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密',
  },
);

/**
 * What a stamp card 集点卡 may reward at its goal: a coupon or uses the member then redeems. Not money
 * (stored_value, gift: a balance is sold or topped up, never minted by stamps), not another stamp card,
 * not external (supplier codes come from the supplier; a reward batch would mint codes of its own).
 */
export const STAMP_REWARD_KINDS: Kind[] = ['cash', 'discount', 'exchange', 'count', 'periodic'];

/** What a card of the kind holds. Only the fields of the template's kind are allowed. */
export const Value = Type.Object(
  {
    amount_off: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e10, description: 'cash: amount off, fen' })),
    percent_off: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, multipleOf: 0.01, description: 'discount: percent off (15 = 8.5折)' }),
    ),
    max_off: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e10, description: 'discount: cap on the amount off, fen' })),
    sku: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'exchange: the product/SKU it is exchanged for' })),
    product_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    face_value: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1e10,
        description: 'nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead)',
      }),
    ),
    card_value: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1e10,
        description:
          'count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both',
      }),
    ),
    uses: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'count: number of uses' })),
    uses_per_period: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'periodic: uses each period' })),
    period: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter')])),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 520, description: 'periodic: how many periods' })),
    initial_balance: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e10, description: 'stored_value/gift: balance at issue, fen' })),
    max_balance: Type.Optional(Type.Integer({ minimum: 1, maximum: 1e11, description: 'stored_value/gift: top-ups may not go past this, fen' })),
    goal: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000, description: 'stamp: stamps to the reward' })),
    reward_template_id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'stamp: template issued at the goal (a cash, discount, exchange, count or periodic one)' }),
    ),
    supplier: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'external: who supplies the codes' })),
  },
  { additionalProperties: false },
);
export type Value = Static<typeof Value>;

export const Validity = Type.Union(
  [
    Type.Object({ type: Type.Literal('fixed'), starts_at: Type.Optional(Timestamp), ends_at: Timestamp }, { additionalProperties: false }),
    Type.Object(
      {
        type: Type.Literal('relative'),
        days: Type.Integer({ minimum: 1, maximum: 3660 }),
        from: Type.Optional(Type.Union([Type.Literal('issue'), Type.Literal('bind')])),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('period_end'), unit: Type.Union([Type.Literal('week'), Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]) },
      { additionalProperties: false },
    ),
    Type.Object({ type: Type.Literal('none') }, { additionalProperties: false }),
  ],
  { description: 'fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none' },
);
export type Validity = Static<typeof Validity>;

const HHMM = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
export const Rules = Type.Object(
  {
    weekdays: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
        description: 'ISO weekdays, 1 = Monday, tenant time zone',
      }),
    ),
    hours: Type.Optional(
      Type.Array(Type.Object({ from: HHMM, to: HHMM }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 10,
        description: 'local times; to < from spans midnight',
      }),
    ),
    store_ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 5000, uniqueItems: true })),
    store_tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
    geofence: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          radius_m: Type.Integer({ minimum: 10, maximum: 100000 }),
        },
        { additionalProperties: false },
      ),
    ),
    min_spend: Type.Optional(Money),
    product_ids: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128 }), {
        minItems: 1,
        maxItems: 5000,
        uniqueItems: true,
        description: 'the order must contain one of these products',
      }),
    ),
    per_member_limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'most cards of this template one member may be issued' })),
    bind_within_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 87600, description: 'an unbound issued code lapses after this' })),
    transferable: Type.Optional(Type.Boolean()),
    top_up_bonus: Type.Optional(
      Type.Array(
        Type.Object(
          {
            min_amount: Type.Integer({ minimum: 1, maximum: 1e11, description: 'a top-up of at least this, fen' }),
            bonus: Type.Integer({ minimum: 1, maximum: 1e10, description: 'is credited this on top, fen' }),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: 10,
          description:
            'stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, ' +
            'credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment',
        },
      ),
    ),
    leakage: Type.Optional(
      Type.Union([Type.Literal('allow'), Type.Literal('flag'), Type.Literal('refuse')], {
        description:
          '窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. ' +
          'allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged)',
      }),
    ),
    verification: Type.Optional(
      Type.Object(
        { threshold: Type.Optional(Money) },
        { additionalProperties: false, description: 'high-value second verification: redemptions (of at least threshold) need an approval' },
      ),
    ),
    dynamic_code: Type.Optional(
      Type.Boolean({
        description:
          '动态码: cards of this template are redeemed only by the rotating code the wallet shows (KQ1.<card>.<TOTP>, 30 s steps, used once); the printed code and card_id are refused at the till',
      }),
    ),
    otp_above: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1e13,
        description:
          '二次验证 by SMS: a redemption whose value is above this (fen) needs a one-time code sent to the member’s phone (otp), or an operator approval (approval_id)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type Rules = Static<typeof Rules>;

/** Rules as a template read answers them: `store_names` beside `store_ids` (same order), for people. */
export const RulesView = Type.Object(
  {
    ...Rules.properties,
    store_names: Type.Optional(Type.Array(Type.String(), { description: 'read only: the names of store_ids, in their order' })),
  },
  { additionalProperties: false },
);

export const TemplateInput = Type.Object({
  kind: Kind,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  value: Value,
  validity: Validity,
  rules: Type.Optional(Rules),
});
export type TemplateInput = Static<typeof TemplateInput>;

export const TemplatePatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  value: Type.Optional(Value),
  validity: Type.Optional(Validity),
  rules: Type.Optional(Rules),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
});

export const Template = Type.Object({
  id: Type.String(),
  kind: Kind,
  name: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  value: Value,
  validity: Validity,
  rules: RulesView,
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export interface TemplateRow {
  id: string;
  kind: Kind;
  name: string;
  description: string | null;
  status: 'active' | 'archived';
  value: Value;
  validity: Validity;
  rules: Rules;
  version: number;
  created_at: Date;
  updated_at: Date;
}
