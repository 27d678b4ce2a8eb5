import type createClient from 'openapi-fetch';
import type { paths } from './schema';
import type { Body } from './types';

type Http = ReturnType<typeof createClient<paths>>;
type Answer = <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>) => Promise<D>;
const byId = (id: string) => ({ params: { path: { id } } });
const clean = <Q extends object>(q: Q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Q;

export type RiskRuleInput = Body<'/v1/risk/rules', 'post'>;
export type RiskRulePatch = Body<'/v1/risk/rules/{id}', 'patch'>;
export type RiskListInput = Body<'/v1/risk/lists', 'post'>;
export type DryRunBody = Body<'/v1/risk/rules/dry-run', 'post'>;
type ListsQuery = NonNullable<paths['/v1/risk/lists']['get']['parameters']['query']>;
type DecisionsQuery = NonNullable<paths['/v1/risk/decisions']['get']['parameters']['query']>;

/** 风控: rules (with the dry run 试运行), lists 名单, decisions, the dashboard 风控看板 and a member's risk profile. */
export const riskApi = (api: Http, answer: Answer) => ({
  riskRules: () => answer(api.GET('/v1/risk/rules', { params: { query: { limit: 200 } } })),
  createRiskRule: (b: RiskRuleInput) => answer(api.POST('/v1/risk/rules', { body: b })),
  updateRiskRule: (id: string, b: RiskRulePatch) => answer(api.PATCH('/v1/risk/rules/{id}', { ...byId(id), body: b })),
  dryRun: (b: DryRunBody) => answer(api.POST('/v1/risk/rules/dry-run', { body: b })),
  riskLists: (q: ListsQuery) => answer(api.GET('/v1/risk/lists', { params: { query: clean(q) } })),
  addRiskEntry: (b: RiskListInput) => answer(api.POST('/v1/risk/lists', { body: b })),
  removeRiskEntry: (id: string) => answer(api.POST('/v1/risk/lists/{id}/remove', byId(id))),
  riskDecisions: (q: DecisionsQuery) => answer(api.GET('/v1/risk/decisions', { params: { query: clean(q) } })),
  riskDashboard: (q: { from?: string; to?: string }) => answer(api.GET('/v1/risk/dashboard', { params: { query: clean(q) } })),
  memberRisk: (id: string) => answer(api.GET('/v1/risk/members/{id}', byId(id))),
});
