import { CAMPAIGN_REASONS } from './reasons-campaigns.js';
import { GROUP_REASONS } from './reasons-groups.js';
import { SEGMENT_REASONS } from './reasons-segments.js';
import { REFERRAL_REASONS } from './reasons-referrals.js';
import { AUTOMATION_REASONS } from './reasons-automation.js';

/**
 * The growth modules' hand-written reasons (issue 15), gathered here so fields.ts stays one line per
 * family: each growth module adds its own list in its own file and one line below.
 */
export const GROWTH_REASONS = [...CAMPAIGN_REASONS, ...GROUP_REASONS, ...SEGMENT_REASONS, ...REFERRAL_REASONS, ...AUTOMATION_REASONS];
