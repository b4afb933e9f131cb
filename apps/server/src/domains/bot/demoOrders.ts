import { z } from 'zod';
import { domainError, orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';

// The demo workspace's stand-in for a shop's order system, called over HTTP by the order-status flow.

export const ORDER_NUMBER = /^(?:[A-Z]{1,4}\d{8,20}|\d{10,20})$/;
const CARRIERS = ['SF Express 顺丰', 'ZTO 中通', 'YTO 圆通', 'JD Logistics 京东物流'];
const STATUSES = ['paid', 'shipped', 'in_transit', 'delivered'] as const;

export const DemoOrder = z.object({
  number: z.string(),
  status: z.enum(STATUSES),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  estimatedDelivery: z.string().nullable(),
});
export type DemoOrder = z.infer<typeof DemoOrder>;

/** Every well-formed number is an order, except those ending in 0000 (so "not found" can be tried too). */
export function demoOrder(number: string, today: Date): DemoOrder | null {
  if (number.endsWith('0000')) return null;
  const digits = [...number].reduce((sum, c) => sum + (/\d/.test(c) ? Number(c) : c.charCodeAt(0)), 0);
  const status = STATUSES[digits % STATUSES.length]!;
  const shipped = status !== 'paid';
  const eta = new Date(today.getTime() + ((digits % 3) + 1) * 86_400_000).toISOString().slice(0, 10);
  return {
    number,
    status,
    carrier: shipped ? CARRIERS[digits % CARRIERS.length]! : null,
    trackingNumber: shipped ? `SF${String(digits * 7919).padStart(10, '0')}` : null,
    estimatedDelivery: status === 'delivered' ? null : eta,
  };
}

export function demoOrderRoutes(deps: { clock: { now(): Date } }) {
  return [
    route({
      method: 'GET',
      url: '/api/demo/orders/:number',
      summary: 'Demo order service (for the order-status flow of the demo workspace)',
      tags: ['demo'],
      policy: 'public',
      params: z.object({ number: z.string().regex(ORDER_NUMBER, 'must look like LX20260001234') }),
      response: DemoOrder,
      async handler(ctx) {
        const order = demoOrder(ctx.params.number, deps.clock.now());
        return orThrow(order ?? domainError('ORDER_NOT_FOUND', 404, `No order ${ctx.params.number}.`, 'Check the order number.'));
      },
    }),
  ];
}
