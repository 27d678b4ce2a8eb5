/**
 * wholesale 批发: what other modules call. Delivery (one-time links, encrypted files) reads an
 * order's cards with `fulfilledCardIds` and marks it delivered with `markDelivered`.
 */
export { fulfilledCardIds, markDelivered, payOrder, refundOrder } from './payment.js';
export { createOrder, confirmOrder, cancelOrder, getOrder, listOrders, type Order, type OrderState } from './orders.js';
export { createBuyer, getBuyer, recharge } from './buyers.js';
export { setPrice, listPrices, priceOf } from './prices.js';
export { fulfilOrder, fulfilChunk, startFulfilment, reapReservations, reserveUnits } from './fulfil.js';
