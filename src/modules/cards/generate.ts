import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import type { Sql } from '../../db/index.js';
import type { JobRow } from '../../platform/jobs.js';
import { ALPHABETS, checkChar, generateCode, generatePin } from '../codes/codes.js';
import { newId } from '../../ids.js';
import { getTenant } from '../tenants/service.js';
import { getTemplate } from '../templates/service.js';
import { addGenerated, lockBatch, markBatchReady } from '../batches/service.js';
import { insertUnissuedCards, type NewCard } from './create.js';
import { codeHash } from './lookup.js';
import { validityAt } from './model.js';
import type { Keyring } from '../../secrets.js';
import type { CodeFormat } from '../codes/codes.js';
import type { Kind } from '../templates/schemas.js';

/**
 * Codes per transaction: a crash or a pause loses at most one uncommitted chunk, never a committed
 * one, and progress moves chunk by chunk. On PGlite a chunk holds the one connection while it is
 * written, so its chunks are small (about a second's work): a request waits at most that long.
 */
const CHUNK = { postgres: 20_000, pglite: 5_000 } as const;
/** Codes drawn at a time: small slices let drawing (CPU here) overlap the database's work (COPY there). */
const SLICE = 1_000;

export function makeCard(keys: Keyring, tenantId: string, fmt: CodeFormat, withPin: boolean, seq: number): NewCard & { code: string; pin: string | null } {
  const code = generateCode(fmt);
  const pin = withPin ? generatePin() : null;
  return {
    id: newId('card'),
    code,
    pin,
    code_hash: codeHash(keys, tenantId, code),
    code_enc: keys.encrypt(pin ? `${code}\t${pin}` : code),
    code_tail: code.slice(-4),
    pin_hash: pin ? keys.hmac(`pin:${tenantId}:${pin}`) : null,
    seq,
  };
}

const ID_CHARS = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * n cards' material at once: the same codes, ids, hashes and sealed codes makeCard makes, with the
 * CSPRNG called once per slice rather than four times per card (the job's hot loop).
 */
export function drawCards(keys: Keyring, tenantId: string, fmt: CodeFormat, withPin: boolean, seq0: number, n: number): NewCard[] {
  const alphabet = ALPHABETS[fmt.alphabet];
  const limit = 256 - (256 % alphabet.length); // rejection sampling keeps every character uniform
  const idTime = newId('card').slice(0, 15); // "card_" + the millisecond, as newId writes it
  const perCard = fmt.length * 2 + 16 + 12 + (withPin ? 16 : 0);
  let pool = randomBytes(n * perCard);
  let at = 0;
  const byte = () => {
    if (at >= pool.length) {
      pool = randomBytes(4096);
      at = 0;
    }
    return pool[at++];
  };
  const out: NewCard[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let body = fmt.prefix;
    while (body.length < fmt.prefix.length + fmt.length) {
      const b = byte();
      if (b < limit) body += alphabet[b % alphabet.length];
    }
    const code = body + checkChar(body, alphabet);
    let id = idTime;
    for (let k = 0; k < 16; k++) id += ID_CHARS[byte() & 31];
    let pin: string | null = null;
    if (withPin) {
      pin = '';
      while (pin.length < 8) {
        const b = byte();
        if (b < 250) pin += String(b % 10);
      }
    }
    const nonce = Buffer.allocUnsafe(12);
    for (let k = 0; k < 12; k++) nonce[k] = byte();
    out[i] = {
      id,
      code_hash: codeHash(keys, tenantId, code),
      code_enc: keys.encrypt(pin ? `${code}\t${pin}` : code, nonce),
      code_tail: code.slice(-4),
      pin_hash: pin ? keys.hmac(`pin:${tenantId}:${pin}`) : null,
      seq: seq0 + i,
    };
  }
  return out;
}

interface ChunkSpec {
  tenantId: string;
  batchId: string;
  templateId: string;
  kind: Kind;
  validFrom: Date | null;
  validUntil: Date | null;
  at: Date;
}

const COPY_SQL = `COPY cards (tenant_id, id, batch_id, template_id, kind, code_hash, code_enc, code_tail, pin_hash, seq, state, valid_from, valid_until, created_at, updated_at) FROM STDIN`;
const text = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** COPY text rows for one slice of cards: the same columns insertUnissuedCards writes. */
function copyRows(s: ChunkSpec, cards: NewCard[]): string {
  const head = `${text(s.tenantId)}\t`;
  const mid = `\t${text(s.batchId)}\t${text(s.templateId)}\t${s.kind}\t`;
  const tail = `\tunissued\t${s.validFrom ? s.validFrom.toISOString() : '\\N'}\t${s.validUntil ? s.validUntil.toISOString() : '\\N'}\t${s.at.toISOString()}\t${s.at.toISOString()}\n`;
  let out = '';
  for (const c of cards) {
    out += `${head}${c.id}${mid}\\\\x${c.code_hash.toString('hex')}\t\\\\x${c.code_enc.toString('hex')}\t${text(c.code_tail)}\t${c.pin_hash ? `\\\\x${c.pin_hash.toString('hex')}` : '\\N'}\t${c.seq}${tail}`;
  }
  return out;
}

/**
 * One chunk by COPY (PostgreSQL): codes are drawn a slice at a time while the database ingests the
 * previous slice. A code that already exists fails the whole COPY (and so the chunk's transaction):
 * with 80-bit codes that is astronomically rare, and the chunk is then redone by the insert path.
 */
async function copyChunk(q: Sql, keys: Keyring, s: ChunkSpec, fmt: CodeFormat, withPin: boolean, seq0: number, n: number): Promise<number> {
  function* slices() {
    for (let i = 0; i < n; i += SLICE) yield copyRows(s, drawCards(keys, s.tenantId, fmt, withPin, seq0 + i, Math.min(SLICE, n - i)));
  }
  await q.copyFrom!(COPY_SQL, slices());
  return n;
}

/** One chunk by INSERT … ON CONFLICT DO NOTHING (PGlite, or a chunk whose COPY met a taken code): taken codes are drawn again. */
async function insertChunk(q: Sql, keys: Keyring, s: ChunkSpec, fmt: CodeFormat, withPin: boolean, seq0: number, n: number): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < n; i += 5_000) {
    let cards = drawCards(keys, s.tenantId, fmt, withPin, seq0 + i, Math.min(5_000, n - i));
    for (let attempt = 0; cards.length && attempt < 5; attempt++) {
      const res = await insertUnissuedCards(q, s, cards);
      inserted += res.inserted;
      const retry = new Set(res.skippedIds); // a code already taken: draw again
      cards = cards.filter((c) => retry.has(c.id)).map((c) => makeCard(keys, s.tenantId, fmt, withPin, c.seq));
    }
    if (cards.length) throw new Error('could not draw unique codes; the code space is too small');
  }
  return inserted;
}

class CodeTaken extends Error {}

/**
 * The batch.generate job: makes the batch's codes in chunks, each chunk and its progress committed
 * together, so a crash or a pause resumes exactly where it stopped and memory stays flat.
 */
export async function generateBatch(ctx: Ctx, job: JobRow, lease: () => Promise<void>): Promise<void> {
  const { batchId } = job.payload as { batchId: string };
  const tenantId = job.tenant_id!;
  const tenant = await getTenant(ctx.db, tenantId);
  let redoByInsert = false;
  for (;;) {
    let done: boolean;
    try {
      done = await ctx.db.tx(async (q) => {
        const b = await lockBatch(q, tenantId, batchId);
        if (b?.status !== 'generating') return true; // paused or gone: stop; resume enqueues again
        const now = ctx.clock.now();
        const quantity = b.quantity ?? 0;
        if (b.generated >= quantity) {
          await markBatchReady(q, tenantId, batchId, now);
          return true;
        }
        const t = await getTemplate(q, tenantId, b.template_id);
        const { valid_from, valid_until } = validityAt(t, now, tenant.time_zone, 'issue');
        const fixed = t.validity.type === 'fixed'; // other windows start when the card is issued
        const spec: ChunkSpec = {
          tenantId,
          batchId,
          templateId: t.id,
          kind: t.kind,
          validFrom: fixed ? valid_from : null,
          validUntil: fixed ? valid_until : null,
          at: now,
        };
        const n = Math.min(CHUNK[ctx.db.engine], quantity - b.generated);
        const withPin = t.kind === 'gift';
        let inserted: number;
        const byInsert = redoByInsert || !q.copyFrom;
        redoByInsert = false;
        if (byInsert) inserted = await insertChunk(q, ctx.keys, spec, b.code_format, withPin, b.generated + 1, n);
        else {
          try {
            inserted = await copyChunk(q, ctx.keys, spec, b.code_format, withPin, b.generated + 1, n);
          } catch (e: any) {
            if (e?.code === '23505') throw new CodeTaken();
            throw e;
          }
        }
        await addGenerated(q, tenantId, batchId, inserted, now);
        return false;
      });
    } catch (e) {
      if (!(e instanceof CodeTaken)) throw e;
      redoByInsert = true; // the chunk was rolled back whole; redo it the careful way
      continue;
    }
    if (done) return;
    await lease();
    await ctx.db.breathe(); // the requests that waited for this chunk go first (the page's progress, a lookup, a pause)
  }
}
