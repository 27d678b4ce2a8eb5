import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Answer, Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type AnswerOf = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });

export type Rule = Answer<'/v1/automation/rules/{id}', 'get'>;
export type RuleInput = Body<'/v1/automation/rules', 'post'>;
export type RulePatch = Body<'/v1/automation/rules/{id}', 'patch'>;
export type Firing = Answer<'/v1/automation/firings', 'get'>['data'][number];
export type SampleEvent = Body<'/v1/automation/dry-run', 'post'>;
export type DryRunLine = Answer<'/v1/automation/dry-run', 'post'>['data'][number];
export type RulesQuery = { limit?: number; cursor?: string | null; status?: Rule['status'] };

/** 自动化规则 for the console: rules with their results, the builder's save, 启用/暂停, 试运行, and the firings log. */
export const automationApi = (api: Http, answer: AnswerOf) => ({
  automationRules: (q: RulesQuery) =>
    answer(api.GET('/v1/automation/rules', { params: { query: Object.fromEntries(Object.entries(q).filter(([, v]) => v != null && v !== '')) as never } })),
  createAutomationRule: (b: RuleInput) => answer(api.POST('/v1/automation/rules', { body: b })),
  updateAutomationRule: (id: string, b: RulePatch) => answer(api.PATCH('/v1/automation/rules/{id}', { ...byId(id), body: b })),
  deleteAutomationRule: (id: string) => answer(api.DELETE('/v1/automation/rules/{id}', byId(id))),
  setAutomationRuleStatus: (id: string, to: 'enable' | 'pause') =>
    answer(to === 'enable' ? api.POST('/v1/automation/rules/{id}/enable', byId(id)) : api.POST('/v1/automation/rules/{id}/pause', byId(id))),
  dryRunAutomation: (b: SampleEvent) => answer(api.POST('/v1/automation/dry-run', { body: b })),
  automationFirings: (q: { rule_id?: string; limit?: number; cursor?: string | null }) =>
    answer(api.GET('/v1/automation/firings', { params: { query: Object.fromEntries(Object.entries(q).filter(([, v]) => v != null && v !== '')) as never } })),
});
