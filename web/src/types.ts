import type { Static } from '@sinclair/typebox';
import type { Action } from '../../src/http/access';
export type { Action };
import type * as CardSchemas from '../../src/modules/cards/schemas';
import type * as TemplateSchemas from '../../src/modules/templates/schemas';
import type * as RedemptionSchemas from '../../src/modules/redemptions/schemas';
import type * as ReportSchemas from '../../src/modules/reports/schemas';

/**
 * The API's shapes. Cards, redemptions, templates and stats come straight from the server's TypeBox schemas
 * (type-only imports: nothing of the server is bundled), so a change there fails `npm run typecheck:web`.
 * Timestamps arrive as ISO strings.
 */
export type Card = Static<typeof CardSchemas.Card>;
export type IssuedCard = Static<typeof CardSchemas.IssuedCard>;
export type Redemption = Static<typeof RedemptionSchemas.Redemption>;
export type RedemptionWithCard = Static<typeof RedemptionSchemas.RedemptionWithCard>;
export type CardEvent = Static<typeof CardSchemas.Event>;
export type LedgerEntry = Static<typeof CardSchemas.LedgerEntry>;
export type Stats = Static<typeof ReportSchemas.Stats>;
export type RedeemBody = Static<typeof RedemptionSchemas.RedeemBody>;
export type Template = Static<typeof TemplateSchemas.Template>;
export type TemplateInput = Static<typeof TemplateSchemas.TemplateInput>;
export type Kind = TemplateSchemas.Kind;
export type TemplateValue = Static<typeof TemplateSchemas.Value>;
export type Validity = Static<typeof TemplateSchemas.Validity>;
export type Rules = Static<typeof TemplateSchemas.Rules>;

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
export interface Trace {
  card: Card;
  events: CardEvent[];
  ledger: LedgerEntry[];
  redemptions: Redemption[];
}
export interface CheckResult {
  redeemable: boolean;
  code: string | null;
  message: string | null;
  take: { amount: number; uses: number; stamps: number; value: number } | null;
  card: Card;
  template: Template;
}

export interface Tenant {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  reverse_window_minutes: number;
}
export type Role = 'owner' | 'operator' | 'analyst' | 'clerk' | 'channel';
export interface Me {
  kind: 'session' | 'api_key';
  tenant: Tenant;
  role: Role;
  store_ids: string[];
  channel_id: string | null;
  key_id: string;
  operator: { id: string; username: string; display_name: string | null } | null;
  expires_at: string | null;
  /** what this caller may do (the server's access table): ask this, not the role */
  can: Action[];
}
export interface Session {
  token?: string;
  expires_at: string;
  tenant_id: string;
  operator: { id: string; username: string; display_name: string | null; role: Role; store_ids: string[] };
}
export interface Store {
  id: string;
  name: string;
  code: string | null;
  time_zone: string | null;
  lat: number | null;
  lng: number | null;
  tags: string[];
  created_at: string;
}
export interface Member {
  id: string;
  external_id: string | null;
  name: string | null;
  phone_last4: string | null;
  birthday: string | null;
  tier: string | null;
  created_at: string;
}
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  key_prefix: string;
  store_ids: string[];
  channel_id: string | null;
  revoked_at: string | null;
  created_at: string;
  secret?: string;
}
export interface Operator {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  store_ids: string[];
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
}
export interface Channel {
  id: string;
  name: string;
  created_at: string;
}
export interface Batch {
  id: string;
  template_id: string;
  name: string;
  mode: 'pregenerated' | 'on_issue' | 'imported';
  quantity: number | null;
  stock: number | null;
  issued: number;
  generated: number;
  code_format: { prefix: string; length: number; alphabet: string };
  status: 'generating' | 'paused' | 'ready' | 'failed';
  error: string | null;
  progress: number;
  created_at: string;
  updated_at: string;
}
export interface WebhookEndpoint {
  id: string;
  url: string;
  event_types: string[];
  active: boolean;
  created_at: string;
  secret?: string;
  [k: string]: unknown;
}
export interface WebhookDelivery {
  id: number | string;
  endpoint_id: string;
  event_type: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  next_attempt_at?: string;
  payload?: unknown;
}
export interface AuditEntry {
  hash: string | null;
  id: number | string;
  seq: number | null;
  seal: number | null;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: unknown;
  created_at: string;
}
export interface AuditHead {
  tenant_id: string;
  seal: number;
  mac: string;
  entries: number;
  sealed_at: string;
}
export interface WalletLink {
  url: string;
  token: string;
  expires_at: string;
}
export interface ImportResult {
  id: string;
  batch_id: string;
  accepted: number;
  refused: number;
  refusals: { line: number; reason: 'malformed' | 'duplicate_in_file' | 'duplicate' | 'pin_missing' | 'weak_code'; detail: string }[];
}
export interface Approval {
  id: string;
  card_id: string;
  max_amount: number | null;
  expires_at: string;
}

/** The member wallet's own shapes (src/modules/wallet). */
export interface WalletMe {
  member: { id: string; name: string | null; phone_last4: string | null; tier: string | null };
  tenant: { name: string; currency: string; time_zone: string };
  counts: Record<'usable' | 'used' | 'expired', number>;
}
export interface WalletCard {
  id: string;
  kind: Kind;
  state: Card['state'];
  name: string;
  description: string | null;
  code_tail: string;
  balance: number;
  uses_left: number;
  stamps: number;
  value: TemplateValue;
  valid_from: string | null;
  valid_until: string | null;
  transferable: boolean;
  bound_at: string | null;
}
export interface WalletCardDetail extends WalletCard {
  code: string | null;
  rules_text: string[];
  template_rules: Rules;
  validity: Validity;
  period_no: number | null;
  period_ends_at: string | null;
  history: { type: string; at: string; amount: number; uses: number; stamps: number; store_name: string | null }[];
}
