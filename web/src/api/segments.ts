import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer as AnswerOf, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type Answer = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });
const clean = <Q extends object>(q: Q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Q;

export type Segment = AnswerOf<'/v1/segments/{id}', 'get'>;
export type SegmentInput = Body<'/v1/segments', 'post'>;
export type SegmentPatch = Body<'/v1/segments/{id}', 'patch'>;
export type SegmentField = AnswerOf<'/v1/segment-fields', 'get'>['data'][number];
export type SegmentPreview = AnswerOf<'/v1/segments/preview', 'post'>;
export type SegmentMember = AnswerOf<'/v1/segments/{id}/members', 'get'>['data'][number];
export type TagCount = AnswerOf<'/v1/tags', 'get'>['data'][number];
export type TagImportResult = AnswerOf<'/v1/tags/import', 'post'>;
type ListQuery = { limit?: number; cursor?: string | null; [k: string]: unknown };

/** 人群与标签 for the console: segments with live counts, a preview, a segment's members, the condition builder's fields, tags. */
export const segmentsApi = (api: Http, answer: Answer) => ({
  segments: (q: ListQuery) => answer(api.GET('/v1/segments', { params: { query: clean(q) as never } })),
  segment: (id: string) => answer(api.GET('/v1/segments/{id}', byId(id))),
  createSegment: (b: SegmentInput) => answer(api.POST('/v1/segments', { body: b })),
  updateSegment: (id: string, b: SegmentPatch) => answer(api.PATCH('/v1/segments/{id}', { ...byId(id), body: b })),
  deleteSegment: (id: string) => answer(api.DELETE('/v1/segments/{id}', byId(id))),
  previewSegment: (conditions: SegmentInput['conditions']) => answer(api.POST('/v1/segments/preview', { body: { conditions } })),
  segmentMembers: (id: string, q: ListQuery) => answer(api.GET('/v1/segments/{id}/members', { params: { path: { id }, query: clean(q) as never } })),
  segmentFields: () => answer(api.GET('/v1/segment-fields')),
  tags: () => answer(api.GET('/v1/tags')),
  memberTags: (id: string) => answer(api.GET('/v1/members/{id}/tags', byId(id))),
  tagMember: (id: string, tag: string) => answer(api.POST('/v1/members/{id}/tags', { ...byId(id), body: { tag } })),
  untagMember: (id: string, tag: string) => answer(api.DELETE('/v1/members/{id}/tags/{tag}', { params: { path: { id, tag } } })),
  importTags: (b: Body<'/v1/tags/import', 'post'>) => answer(api.POST('/v1/tags/import', { body: b })),
});
