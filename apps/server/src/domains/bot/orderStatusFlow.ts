import { extractEntities } from '@lingxi/nlu';
import { DemoOrder } from './demoOrders.ts';
import type { FlowState } from './state.ts';
import { texts, type ReplyLanguage } from './texts.ts';

export const ORDER_STATUS_TAG = 'flow:order_status';
const MAX_ATTEMPTS = 2;

export type FlowReply = { kind: 'flow' | 'fallback'; text: string; quickReplies?: string[] };
export type FlowStep = { reply: FlowReply; flow: FlowState | null; intent: string };
export type OrderLookup = (orderNumber: string) => Promise<DemoOrder | 'not_found' | 'unavailable'>;

/** Order numbers the customer typed, validated by the language engine's entity extractor. */
export function orderNumbersIn(text: string): string[] {
  return extractEntities(text.toUpperCase())
    .filter((e) => e.type === 'order_number')
    .map((e) => e.value);
}

/** Looks an order up through the workspace's configured HTTP action. */
export function httpOrderLookup(urlTemplate: () => string | null, timeoutMs = 2_000): OrderLookup {
  return async (orderNumber) => {
    const template = urlTemplate();
    if (!template) return 'unavailable';
    try {
      const response = await fetch(template.replace('{orderNumber}', encodeURIComponent(orderNumber)), { signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 404) return 'not_found';
      if (!response.ok) return 'unavailable';
      const parsed = DemoOrder.safeParse(await response.json());
      return parsed.success ? parsed.data : 'unavailable';
    } catch {
      return 'unavailable';
    }
  };
}

/**
 * One step of the order-status flow: ask for the number, validate it, look it up. Returns null when the
 * customer has moved on to another question (the bot then answers that instead).
 */
export async function orderStatusStep(input: { flow: FlowState | null; text: string; lang: ReplyLanguage; movedOn: boolean; lookup: OrderLookup }): Promise<FlowStep | null> {
  const attempts = input.flow?.attempts ?? 0;
  const [number] = orderNumbersIn(input.text);
  if (!number) {
    if (input.flow && input.movedOn) return null;
    if (!input.flow) return { reply: { kind: 'flow', text: texts.askOrderNumber(input.lang, false) }, flow: { name: 'order_status', attempts: 0 }, intent: 'flow:order_status:ask' };
    if (attempts + 1 >= MAX_ATTEMPTS) return giveUp(input.lang);
    return { reply: { kind: 'flow', text: texts.askOrderNumber(input.lang, true) }, flow: { name: 'order_status', attempts: attempts + 1 }, intent: 'flow:order_status:ask' };
  }
  const order = await input.lookup(number);
  if (order === 'unavailable') return { reply: { kind: 'fallback', text: texts.orderLookupFailed(input.lang), quickReplies: [texts.talkToPerson(input.lang)] }, flow: null, intent: 'flow:order_status:unavailable' };
  if (order === 'not_found') {
    if (attempts + 1 >= MAX_ATTEMPTS) return giveUp(input.lang);
    return { reply: { kind: 'flow', text: texts.orderNotFound(input.lang, number) }, flow: { name: 'order_status', attempts: attempts + 1 }, intent: 'flow:order_status:not_found' };
  }
  return { reply: { kind: 'flow', text: texts.orderStatus(input.lang, order) }, flow: null, intent: 'flow:order_status:found' };
}

function giveUp(lang: ReplyLanguage): FlowStep {
  return { reply: { kind: 'fallback', text: texts.flowGaveUp(lang), quickReplies: [texts.talkToPerson(lang)] }, flow: null, intent: 'flow:order_status:gave_up' };
}
