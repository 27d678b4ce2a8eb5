/**
 * The take 扣减: what a redemption does to its card's row and the WHERE that guards it, written
 * once, in the one redemption write every path uses (write.ts: alone, grouped, keyed, in a transaction).
 * The WHERE re-checks, on the row as it is when the statement runs, everything the rules decided
 * on a read: state, holdings, validity, period, holder, and (where the path cannot issue a stamp
 * reward) that the goal is not reached. A card that changed matches nothing, so no concurrent
 * redemption can take the same use or balance twice.
 *
 * Each value is an SQL expression (a placeholder with its cast, or a column of the grouped input);
 * `card` qualifies the card's columns where the statement has other tables ('cards.').
 */
export interface TakeExprs {
  card?: string;
  amount: string;
  uses: string;
  stamps: string;
  depletes: string;
  at: string;
  periodNo: string;
  memberId: string;
  /** the stamp goal, or NULL where reaching it is allowed (the transactional path rewards it) */
  goal: string;
}

export const takeSet = (v: TakeExprs) => {
  const c = v.card ?? '';
  return `balance = ${c}balance - ${v.amount}, uses_left = ${c}uses_left - ${v.uses}, stamps = ${c}stamps + ${v.stamps},
      state = CASE WHEN ${v.depletes} AND ${c}uses_left - ${v.uses} = 0 THEN 'used' ELSE ${c}state END, updated_at = ${v.at}`;
};

export const takeWhere = (v: TakeExprs) => {
  const c = v.card ?? '';
  return `${c}state = 'active' AND ${c}balance >= ${v.amount} AND ${c}uses_left >= ${v.uses}
      AND (${c}valid_until IS NULL OR ${c}valid_until > ${v.at}) AND (${c}valid_from IS NULL OR ${c}valid_from <= ${v.at})
      AND ${c}period_no IS NOT DISTINCT FROM ${v.periodNo} AND (${c}period_ends_at IS NULL OR ${c}period_ends_at > ${v.at})
      AND ${c}member_id IS NOT DISTINCT FROM ${v.memberId} AND (${v.goal} IS NULL OR ${c}stamps + ${v.stamps} < ${v.goal})`;
};
