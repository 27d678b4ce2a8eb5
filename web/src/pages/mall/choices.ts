import type { Client } from '../../api';

export type Choice = { value: string; label: string };

/** What an item can give and whom it can be limited to: batches (by name and template), packs and tiers. */
export async function choices(api: Client): Promise<{ batches: Choice[]; packs: Choice[]; tiers: Choice[] }> {
  const [batches, templates, packs, tiers] = await Promise.all([
    api
      .batches({ limit: 200 })
      .then((r) => r.data)
      .catch(() => []),
    api
      .templates({ limit: 200 })
      .then((r) => new Map(r.data.map((t) => [t.id, t.name])))
      .catch(() => new Map<string, string>()),
    api
      .mallPacks()
      .then((r) => r.data.map((p) => ({ value: p.id, label: p.name })))
      .catch(() => []),
    api
      .mallTiers()
      .then((r) => r.data.map((t) => ({ value: t.id, label: t.name })))
      .catch(() => []),
  ]);
  return {
    batches: batches.map((b) => ({ value: b.id, label: templates.has(b.template_id) ? `${templates.get(b.template_id)} · ${b.name}` : b.name })),
    packs,
    tiers,
  };
}
