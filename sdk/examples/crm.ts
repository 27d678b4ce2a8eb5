import { createKaquan, type Kaquan } from '../src/index.js';

// A CRM or mini-program backend with an operator key: members, their orders (points), and a card for them.
export const crm = (baseUrl: string, key: string): Kaquan => createKaquan({ baseUrl, apiKey: key });

export async function welcome(kq: Kaquan, p: { externalId: string; name: string; phone: string; welcomeBatchId: string }) {
  // keys of your own (the CRM's ids): however often this runs, one member and one welcome card
  const { data: member } = await kq.POST('/v1/members', {
    body: { external_id: p.externalId, name: p.name, phone: p.phone },
    headers: { 'idempotency-key': `member-${p.externalId}` },
  });
  const { data: card } = await kq.POST('/v1/cards/issue', {
    body: { batch_id: p.welcomeBatchId, member_id: member.id },
    headers: { 'idempotency-key': `welcome-${member.id}` },
  });
  if ('review_id' in card) return { member, card: null, review: card.review_id }; // a risk rule held it for an operator (人工审核)
  return { member, card, review: null };
}

export async function orderPlaced(kq: Kaquan, memberId: string, orderNo: string, amountFen: number) {
  const { data: order } = await kq.POST('/v1/orders', { body: { order_no: orderNo, member_id: memberId, amount: amountFen } });
  const { data: points } = await kq.GET('/v1/members/{id}/points', { params: { path: { id: memberId } } });
  return { effects: order.effects, balance: points.points }; // effects.points: what this order earned
}
