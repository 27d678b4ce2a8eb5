import type { Client } from '../../api';

/**
 * The segments 人群 an audience may name. The segments module has no list route yet (its service seam
 * only, docs/growth.md): until it has one there is nothing to pick, and the form offers 所有会员 alone
 * (a campaign made through the API with a segment shows that segment's name).
 */
export async function segmentChoices(_api: Client): Promise<{ value: string; label: string }[]> {
  return [];
}
