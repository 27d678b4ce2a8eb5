/**
 * What each figure of the numbers 数据 means, in Chinese and English: the one place the dashboard's
 * tooltips (served with every stats answer), the exported reports' 指标说明 sheet and docs/api.md read.
 * "In the period" is [from, to); "now" figures do not follow the period.
 */
export const FIGURES = [
  {
    key: 'issued',
    name: ['发放', 'Issued'],
    def: [
      '期间发出的卡券总数：发给会员的，加上导出或无记名发出的券码。',
      'Cards issued in the period: those issued to members plus codes exported or issued as bearer codes.',
    ],
  },
  {
    key: 'issued_to_members',
    name: ['发给会员', 'Issued to members'],
    def: ['期间发放时直接指定了会员的卡券，一发出就在会员手中。', 'Cards issued in the period straight to a member: in the member’s hands from the start.'],
  },
  {
    key: 'exported',
    name: ['导出 / 无记名', 'Exported / bearer'],
    def: [
      '期间导出或无记名发出的券码（打印、批发、渠道分发）。它们还不在会员手中，是在外的库存，不计入核销率。',
      'Codes exported or issued as bearer codes in the period (printed, sold wholesale, handed to a channel). Not yet in a member’s hands: stock outside, left out of the redemption rate.',
    ],
  },
  {
    key: 'bound',
    name: ['绑定', 'Bound'],
    def: ['期间会员绑定到自己名下的无记名券码。', 'Bearer codes that members bound to themselves in the period.'],
  },
  {
    key: 'in_hands',
    name: ['到达会员', 'In members’ hands'],
    def: [
      '期间到达会员手中的卡券：发给会员的 + 绑定的。核销率以它为分母。',
      'Cards that reached members in the period: issued to a member plus bound. The base of the redemption rate.',
    ],
  },
  {
    key: 'redeemed',
    name: ['核销笔数', 'Redemptions'],
    def: [
      '期间有效的核销笔数（已撤销的不算）；无记名券码未绑定直接核销的也算。',
      'Redemptions in the period that stand (reversed ones do not count), bearer codes redeemed without binding included.',
    ],
  },
  {
    key: 'redeemed_cards',
    name: ['核销卡数', 'Cards redeemed'],
    def: ['期间至少核销过一次的卡券数，一张卡核销多次只算一张。', 'Cards redeemed at least once in the period; a card redeemed several times counts once.'],
  },
  {
    key: 'redemption_rate',
    name: ['核销率', 'Redemption rate'],
    def: [
      '期间到达会员手中的卡券里，到期末已核销（至少一次且未撤销）的比例。导出后未绑定的券码是库存，不计入。',
      'Of the cards that reached members in the period, the share redeemed (at least once, not reversed) by the period’s end. Exported codes not yet bound are stock and do not count.',
    ],
  },
  {
    key: 'redeemed_amount',
    name: ['核销金额', 'Redeemed amount'],
    def: [
      '期间核销抵扣或扣减的金额（元），已撤销的不算。',
      'What redemptions in the period took off orders or out of balances (yuan); reversed ones do not count.',
    ],
  },
  {
    key: 'order_gmv',
    name: ['带动交易额', 'Order GMV'],
    def: ['期间核销时录入的订单金额合计（元），已撤销的不算。', 'The order amounts entered with redemptions in the period (yuan); reversed ones do not count.'],
  },
  {
    key: 'stock_unissued',
    name: ['库存（未发出）', 'Stock not issued'],
    def: [
      '现在仍在批次库存里、还没发出或导出的券码。当前数，不随日期范围变化。',
      'Codes still in their batches’ stock, not yet issued or exported. A figure for now, not for the period.',
    ],
  },
  {
    key: 'stock_bearer',
    name: ['在外未绑定', 'Bearer codes out'],
    def: [
      '现在已导出或无记名发出、仍可使用、但还没到会员名下的券码。当前数，不随日期范围变化。',
      'Codes exported or issued as bearer codes, still usable, not yet with a member. A figure for now, not for the period.',
    ],
  },
] as const satisfies readonly { key: string; name: readonly [string, string]; def: readonly [string, string] }[];

export const definitions = FIGURES.map((f) => ({ key: f.key, name_zh: f.name[0], name_en: f.name[1], zh: f.def[0], en: f.def[1] }));
