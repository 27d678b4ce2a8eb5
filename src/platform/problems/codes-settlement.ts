import type { EntryDef } from './words.js';

/** 对账结算 Settlement statements: read by the brand's staff and by channel partners (their own statements). */
export const SETTLEMENT = {
  STATEMENT_NOT_FOUND: { status: 404, zh: '没有找到这张对账单。', en: 'No such statement.' },
  STATEMENT_PERIOD_INVALID: {
    status: 422,
    zh: '对账期间有误[：{errors?:errors}]。',
    en: 'The statement period does not work as set[: {errors?:errors}].',
    note: 'a reversed or empty period, a bound that is not a date, or a period over 400 days',
  },
  STATEMENT_PERIOD_OVERLAP: {
    status: 409,
    zh: '这段期间与这个对象已有的对账单[（{statement_id:text}）]重叠。同一对象的对账期间不能重叠。',
    en: 'This period overlaps an existing statement of this party[ ({statement_id:text})]. A party’s statement periods cannot overlap.',
  },
  STATEMENT_CLOSED: {
    status: 409,
    zh: '这一期的对账单[（{statement_id:text}）]已结账，不能重新计算。之后的退款会作为调整项计入下一期。',
    en: 'This period’s statement[ ({statement_id:text})] is closed and is not recomputed. Later refunds appear as adjustments in the next one.',
  },
  STATEMENT_PERIOD_OPEN: {
    status: 409,
    zh: '对账期间还没有结束[（结束于 {period_to:text}）]，期间结束后才能结账。',
    en: 'The statement period has not ended yet[ (it ends at {period_to:text})]: it can be closed after that.',
  },
} as const satisfies Record<string, EntryDef>;
