import { Type } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';
import type { Group } from './conditions.js';

/** 人群与标签: the request and answer shapes (docs/growth.md "Segments and tags"). */

/**
 * Conditions are checked by conditions.ts (every problem named by its path, `conditions/all/2/field`),
 * not by the schema: the fields are whatever the modules plugged in, listed by GET /segment-fields.
 */
export const Conditions = Type.Unsafe<Group>({
  type: 'object',
  additionalProperties: true,
  description:
    '{ "all": [...] } (every item holds) or { "any": [...] } (at least one); an item is a condition ' +
    '{ "field", "op", "value"?, "days"? } or a group of conditions (two levels at most). Fields, operators and value kinds: GET /v1/segment-fields',
});

const Name = Type.String({ minLength: 1, maxLength: 40, description: 'the segment’s name 人群名称, unique in the tenant' });
const Description = Type.String({ maxLength: 500 });
export const SegmentCreate = Type.Object({ name: Name, description: Type.Optional(Description), conditions: Conditions }, { additionalProperties: false });
export const SegmentPatch = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Description), conditions: Type.Optional(Conditions) },
  { additionalProperties: false, minProperties: 1 },
);

export const Segment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  conditions: Conditions,
  members: Type.Integer({ description: 'members in it now 当前人数 (evaluated when asked)' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const MemberRef = Type.Object({ member_id: Type.String(), name: Nullable(Type.String({ description: 'the member’s name 会员名称' })) });
export const Preview = Type.Object({
  count: Type.Integer({ description: 'members matching now' }),
  members: Type.Array(MemberRef, { description: 'the first of them (up to 20), by name' }),
});

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
export const FieldInfo = Type.Object({
  field: Type.String(),
  label: Label,
  group: Type.Union(
    ['member', 'tier', 'points', 'tag', 'behaviour'].map((g) => Type.Literal(g)),
    {
      description: 'member 会员资料, tier 等级, points 积分, tag 标签, behaviour 行为',
    },
  ),
  days: Type.Boolean({ description: 'a behaviour over a window: the condition needs `days` (the last N days, 1–3650)' }),
  ops: Type.Array(
    Type.Object({
      op: Type.String(),
      label: Label,
      value: Type.Union(
        ['integer', 'fen', 'days', 'month', 'text', 'tier', 'template', 'tag', 'none'].map((k) => Type.Literal(k)),
        {
          description:
            'integer; fen (money in fen 分); days; month (1–12); text (1–32 characters); tier (a tier id); template (a template id); tag (a tag name); none (no value)',
        },
      ),
      list: Type.Boolean({ description: 'the value is a list of 1 to 50 of the kind' }),
    }),
  ),
});

export const Tag = Type.String({ minLength: 1, maxLength: 32, description: 'a tag 标签: 1 to 32 characters (trimmed)' });
export const MemberTags = Type.Object({ member_id: Type.String(), tags: Type.Array(Type.String()) });
export const TagCount = Type.Object({ tag: Type.String(), members: Type.Integer({ description: 'members with this tag' }) });

export const TagImport = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 5_000_000,
      description: 'one member a line: `key,tag[,tag…]`; a first line `member,tags` (or id/external_id/phone) is a header',
    }),
    by: Type.Union([Type.Literal('id'), Type.Literal('external_id'), Type.Literal('phone')], {
      description: 'what the first column is: the member’s id, external id or phone',
    }),
  },
  { additionalProperties: false },
);
export const ImportResult = Type.Object({
  id: Type.String({ description: 'the import’s reference (its audit entry’s target)' }),
  lines: Type.Integer({ description: 'member lines read' }),
  tagged: Type.Integer({ description: 'tags newly set' }),
  members: Type.Integer({ description: 'members matched' }),
  unmatched: Type.Array(
    Type.Object({
      line: Type.Integer(),
      key: Type.String(),
      reason: Type.String({ description: '第 3 行：没有找到这个会员 — why the line was left out, in Chinese' }),
      reason_en: Type.String(),
    }),
  ),
});
export { Id };
