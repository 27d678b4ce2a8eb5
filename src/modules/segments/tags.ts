import { parse } from 'csv-parse/sync';
import type { Sql } from '../../db/index.js';
import type { Keyring } from '../../secrets.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { segmentBase } from './point.js';
import { tagProblem } from './tag-name.js';

/** The tenant's tags 标签 with how many members carry each, most-used first. */
export async function tagCounts(q: Sql, tenantId: string): Promise<{ tag: string; members: number }[]> {
  const r = await q.query<{ tag: string; n: string }>(
    'SELECT tag, count(*) AS n FROM member_tags WHERE tenant_id = $1 GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 1000',
    [tenantId],
  );
  return r.rows.map((x) => ({ tag: x.tag, members: Number(x.n) }));
}

export const MAX_IMPORT_LINES = 50_000;
const HEADER = /^(member|member_id|id|external_id|phone|key|会员|会员id|外部编号|手机|手机号)$/i;
interface Unmatched {
  line: number;
  key: string;
  reason: string;
  reason_en: string;
}

/**
 * 导入标签: one member a line, `key,tag[,tag…]`, the key the member's id, external id or phone (`by`).
 * Lines whose member is not found, or that carry no good tag, are reported by line number in Chinese
 * and left out; the rest are tagged (a tag a member already has stays as it was).
 */
export async function importTags(q: Sql, keys: Keyring, tenantId: string, input: { csv: string; by: 'id' | 'external_id' | 'phone' }, at: Date) {
  let records: string[][];
  try {
    records = parse(input.csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new AppError(422, 'CSV_MALFORMED', `csv: ${(e as Error).message}`);
  }
  if (records.length > MAX_IMPORT_LINES + 1)
    throw new AppError(422, 'VALIDATION_FAILED', `csv: at most ${MAX_IMPORT_LINES} lines per import; split the file`, {
      errors: [{ field: 'csv', reason: `at most ${MAX_IMPORT_LINES} lines` }],
    });
  const unmatched: Unmatched[] = [];
  const lines: { line: number; key: string; tags: string[] }[] = [];
  let read = 0;
  records.forEach((rec, i) => {
    const line = i + 1;
    const key = (rec[0] ?? '').trim();
    if (i === 0 && HEADER.test(key)) return;
    read++;
    const tags = rec.slice(1).filter((t) => t.trim() !== '');
    if (!key) return unmatched.push({ line, key, reason: `第 ${line} 行：缺少会员`, reason_en: `line ${line}: no member` });
    if (!tags.length) return unmatched.push({ line, key, reason: `第 ${line} 行：没有标签`, reason_en: `line ${line}: no tag` });
    const bad = tags.find((t) => tagProblem(t));
    if (bad !== undefined)
      return unmatched.push({
        line,
        key,
        reason: `第 ${line} 行：标签「${bad.slice(0, 40)}」应为 1 到 32 个字`,
        reason_en: `line ${line}: the tag "${bad.slice(0, 40)}" should have 1 to 32 characters`,
      });
    lines.push({ line, key, tags: [...new Set(tags.map((t) => t.trim()))] });
  });
  const base = segmentBase.list()[0];
  if (!base) throw new Error('segments: no member base plugged in');
  const found = await base.lookup(q, keys, tenantId, input.by, [...new Set(lines.map((l) => l.key))]);
  const memberIds: string[] = [];
  const tags: string[] = [];
  const matched = new Set<string>();
  for (const l of lines) {
    const m = found.get(l.key);
    if (!m) {
      unmatched.push({ line: l.line, key: l.key, reason: `第 ${l.line} 行：没有找到这个会员`, reason_en: `line ${l.line}: no such member` });
      continue;
    }
    matched.add(m);
    for (const t of l.tags) memberIds.push(m), tags.push(t);
  }
  const id = newId('tgi');
  let tagged = 0;
  for (let i = 0; i < memberIds.length; i += 5000) {
    const r = await q.query(
      `INSERT INTO member_tags (tenant_id, member_id, tag, source_kind, source_id, created_at)
       SELECT $1, x.m, x.t, 'import', $4, $5 FROM unnest($2::text[], $3::text[]) AS x(m, t)
       ON CONFLICT (tenant_id, member_id, tag) DO NOTHING RETURNING 1`,
      [tenantId, memberIds.slice(i, i + 5000), tags.slice(i, i + 5000), id, at],
    );
    tagged += r.rows.length;
  }
  unmatched.sort((a, b) => a.line - b.line);
  return { id, lines: read, tagged, members: matched.size, unmatched };
}
