import { Tag } from 'antd';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { useT } from '../../i18n';
import { STATE_WORDS } from './words';

dayjs.extend(utc);
dayjs.extend(timezone);

type T = ReturnType<typeof useT>;

/**
 * A statement's period [from, to) in the tenant's days: `2026-11-24` for one day, `2026-11-01 至 2026-11-30`
 * for more (the last day shown is the one before `to`); bounds that are not midnights show their times.
 */
export function periodWords(s: { period_from: string; period_to: string }, tz: string, t: T): string {
  const from = dayjs(s.period_from).tz(tz);
  const to = dayjs(s.period_to).tz(tz);
  const midnights = from.format('HH:mm') === '00:00' && to.format('HH:mm') === '00:00';
  if (!midnights)
    return t(
      `${from.format('YYYY-MM-DD HH:mm')} 至 ${to.format('YYYY-MM-DD HH:mm')}`,
      `${from.format('YYYY-MM-DD HH:mm')} to ${to.format('YYYY-MM-DD HH:mm')}`,
    );
  const last = to.subtract(1, 'day');
  const a = from.format('YYYY-MM-DD');
  const b = last.format('YYYY-MM-DD');
  return a === b ? a : t(`${a} 至 ${b}`, `${a} to ${b}`);
}

export function StateTag({ state }: { state: string }) {
  const t = useT();
  const w = STATE_WORDS[state];
  return <Tag color={state === 'closed' ? 'green' : 'blue'}>{w ? t(w[0], w[1]) : state}</Tag>;
}
