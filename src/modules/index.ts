import type { ModuleDef } from '../platform/module.js';
import tenants from './tenants/index.js';
import channels from './channels/index.js';
import identity from './identity/index.js';
import stores from './stores/index.js';
import members from './members/index.js';
import templates from './templates/index.js';
import codes from './codes/index.js';
import batches from './batches/index.js';
import cards from './cards/index.js';
import ledger from './ledger/index.js';
import redemptions from './redemptions/index.js';
import reviews from './reviews/index.js';
import verification from './verification/index.js';
import risk from './risk/index.js';
import leakage from './leakage/index.js';
import reports from './reports/index.js';
import audit from './audit/index.js';
import webhooks from './webhooks/index.js';
import wallet from './wallet/index.js';
import provisioning from './provisioning/index.js';
import wholesale from './wholesale/index.js';
import deliveries from './deliveries/index.js';
import allocations from './allocations/index.js';
import suppliers from './suppliers/index.js';
import settlement from './settlement/index.js';
import orders from './orders/index.js';
import points from './points/index.js';
import packs from './packs/index.js';
import tiers from './tiers/index.js';
import mall from './mall/index.js';
import wechatpay from './wechatpay/index.js';
import passes from './passes/index.js';
import rewards from './rewards/index.js';
import segments from './segments/index.js';
import groups from './groups/index.js';
import campaigns from './campaigns/index.js';
import referrals from './referrals/index.js';
import tasks from './tasks/index.js';
import automation from './automation/index.js';

/**
 * Every module, in dependency order: migrations with the same number run in this order, routes are
 * registered in it, start hooks run in it (stop hooks in reverse). Adding a module is adding a line.
 */
export const modules: ModuleDef[] = [
  tenants,
  channels,
  identity,
  stores,
  members,
  templates,
  codes,
  batches,
  cards,
  ledger,
  redemptions,
  reviews,
  verification,
  risk,
  leakage,
  reports,
  audit,
  webhooks,
  wallet,
  provisioning,
  wholesale,
  deliveries,
  allocations,
  suppliers,
  settlement,
  orders,
  points,
  packs,
  tiers,
  mall,
  wechatpay,
  passes,
  rewards,
  segments,
  groups,
  campaigns,
  referrals,
  tasks,
  automation,
];
