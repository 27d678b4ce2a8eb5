import { parse } from 'csv-parse/sync';
import type { Sql } from '../../db/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Caller } from '../../http/access.js';
import { AppError } from '../../errors.js';
import { newId } from '../../ids.js';
import { normalizeCode } from '../codes/codes.js';
import { getTemplate } from '../templates/service.js';
import { insertUnissuedCards, maxSeq, type NewCard } from './create.js';
import { codeHash } from './lookup.js';
import { issueBearer } from './issue.js';
import { addGenerated, getBatch, recordImport } from '../batches/service.js';
import { refusal } from '../../platform/problems/refusal.js';

export interface Refusal {
  line: number;
  reason: 'malformed' | 'duplicate_in_file' | 'duplicate' | 'pin_missing' | 'weak_code';
  detail: string;
  /** malformed: which column */
  field?: 'code' | 'pin';
  /** duplicate_in_file: the earlier line with the same code (the screens say "与第 8 行重复") */
  same_as_line?: number;
}

const CODE_RE = /^[A-Z0-9]{4,64}$/;
const MAX_LINES = 200_000;

/**
 * A code that carries value must not be guessable: at least 80 bits by a conservative estimate,
 * length × log2 of the alphabet its characters come from (digits 10, letters 26, both 36), or a PIN
 * beside it. So 16+ letters and digits, 18+ letters or 25+ digits. `external` codes are exempt:
 * a supplier's codes are delivered and used at the supplier, never redeemed or bound here.
 */
export function codeBits(code: string): number {
  const digits = /[0-9]/.test(code),
    letters = /[A-Z]/.test(code);
  return code.length * Math.log2(digits && letters ? 36 : letters ? 26 : 10);
}
const WEAK = 'too guessable: a code that carries value needs 16+ letters and digits, 18+ letters, 25+ digits, or a PIN in the second column';

/**
 * 导入券码: codes from a supplier (第三方卡密) or a brand's old system, one per line as
 * `code[,pin]`. Each line is checked; good lines are kept, refused ones reported with the reason.
 * `state: "active"` marks the codes as already in customers' hands (bearer codes).
 */
export async function importCodes(ctx: Ctx, q: Sql, caller: Caller, batchId: string, csv: string, state: 'unissued' | 'active') {
  const tenantId = caller.tenantId;
  const batch = await getBatch(q, tenantId, batchId, true);
  if (batch.mode !== 'imported')
    throw refusal('BATCH_MODE_INVALID', `codes are imported into a batch of mode "imported"; this one is ${batch.mode}`, { mode: batch.mode }, {}, 409);
  const t = await getTemplate(q, tenantId, batch.template_id);
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new AppError(422, 'CSV_MALFORMED', `csv: ${(e as Error).message}`);
  }
  if (records.length > MAX_LINES) throw refusal('IMPORT_TOO_LARGE', `at most ${MAX_LINES} lines per import; split the file`, { max_lines: MAX_LINES });
  const refusals: Refusal[] = [];
  const seen = new Map<string, number>();
  const now = ctx.clock.now();
  const base = await maxSeq(q, tenantId, batchId);
  const good: (NewCard & { line: number })[] = [];
  records.forEach((rec, i) => {
    const line = i + 1;
    if (i === 0 && /^code$/i.test(rec[0] ?? '')) return; // header
    const code = normalizeCode(rec[0] ?? '');
    const pin = (rec[1] ?? '').trim() || null;
    if (!CODE_RE.test(code)) return refusals.push({ line, reason: 'malformed', field: 'code', detail: 'a code is 4 to 64 letters or digits' });
    if (t.kind === 'gift' && !pin) return refusals.push({ line, reason: 'pin_missing', detail: 'gift card codes need a PIN in the second column' });
    if (pin && !/^[0-9A-Za-z]{4,32}$/.test(pin))
      return refusals.push({ line, reason: 'malformed', field: 'pin', detail: 'a PIN is 4 to 32 letters or digits' });
    if (t.kind !== 'external' && !pin && codeBits(code) < 80) return refusals.push({ line, reason: 'weak_code', detail: WEAK });
    if (seen.has(code))
      return refusals.push({ line, reason: 'duplicate_in_file', same_as_line: seen.get(code), detail: `same code as line ${seen.get(code)}` });
    seen.set(code, line);
    good.push({
      line,
      id: newId('card'),
      code_hash: codeHash(ctx.keys, tenantId, code),
      code_enc: ctx.keys.encrypt(pin ? `${code}\t${pin}` : code),
      code_tail: code.slice(-4),
      pin_hash: pin ? ctx.keys.hmac(`pin:${tenantId}:${pin}`) : null,
      seq: base + good.length + 1,
    });
  });
  const fixed = t.validity.type === 'fixed';
  let accepted = 0;
  for (let i = 0; i < good.length; i += 5000) {
    const chunk = good.slice(i, i + 5000);
    const res = await insertUnissuedCards(
      q,
      {
        tenantId,
        batchId,
        templateId: t.id,
        kind: t.kind,
        at: now,
        validFrom: fixed && t.validity.type === 'fixed' && t.validity.starts_at ? new Date(t.validity.starts_at) : null,
        validUntil: fixed && t.validity.type === 'fixed' ? new Date(t.validity.ends_at) : null,
      },
      chunk,
    );
    accepted += res.inserted;
    const skipped = new Set(res.skippedIds);
    for (const c of chunk) if (skipped.has(c.id)) refusals.push({ line: c.line, reason: 'duplicate', detail: 'this code already exists' });
  }
  await addGenerated(q, tenantId, batchId, accepted, now);
  if (state === 'active' && accepted) await issueBearer(ctx, q, caller, batchId, accepted, null);
  refusals.sort((a, b) => a.line - b.line);
  const id = await recordImport(q, tenantId, batchId, { accepted, refusals }, now);
  return { id, batch_id: batchId, accepted, refused: refusals.length, refusals };
}
