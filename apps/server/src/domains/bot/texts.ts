import type { HandoffTrigger } from '@lingxi/contracts';

// What the bot says in its own words, in both languages (knowledge answers come from the entries).
export type ReplyLanguage = 'zh' | 'en';

export const texts = {
  handoff(lang: ReplyLanguage, trigger: HandoffTrigger, ahead: number): string {
    const sorry = trigger === 'emotion' || trigger === 'repeat' || trigger === 'low_confidence';
    if (lang === 'en') {
      const lead = sorry ? "I'm sorry I couldn't sort this out for you. " : '';
      const wait = ahead === 0 ? "You're next in line." : `There ${ahead === 1 ? 'is 1 person' : `are ${ahead} people`} ahead of you.`;
      return `${lead}I'm connecting you to a member of our team now. ${wait} Please stay in this chat.`;
    }
    const lead = sorry ? '非常抱歉没能帮您解决问题。' : '好的，';
    const wait = ahead === 0 ? '马上就轮到您了' : `您前面还有 ${ahead} 位`;
    return `${lead}正在为您转接人工客服，${wait}，请稍候，不要离开对话哦。`;
  },
  fallback(lang: ReplyLanguage): string {
    return lang === 'en'
      ? "Sorry, I didn't quite understand that. Could you say it another way? You can also ask to talk to a person."
      : '抱歉，我还没理解您的问题。可以换个说法再问我一次，也可以直接联系人工客服。';
  },
  talkToPerson: (lang: ReplyLanguage) => (lang === 'en' ? 'Talk to a person' : '转人工'),
  clarify: (lang: ReplyLanguage) => (lang === 'en' ? 'Did you mean one of these?' : '您是想问下面哪个问题呢？'),
  askOrderNumber(lang: ReplyLanguage, again: boolean): string {
    if (lang === 'en') return again ? "I couldn't find an order number in that. It looks like `LX20260001234` — could you send it again?" : 'Please send me your **order number** (e.g. `LX20260001234`).';
    return again ? '没有识别到订单号哦，订单号类似 `LX20260001234`，请再发一次。' : '请把您的**订单号**发给我（例如 `LX20260001234`）。';
  },
  orderNotFound: (lang: ReplyLanguage, number: string) =>
    lang === 'en' ? `I couldn't find order \`${number}\`. Please check the number and send it again.` : `没有查到订单 \`${number}\`，请核对订单号后再发给我。`,
  orderLookupFailed: (lang: ReplyLanguage) =>
    lang === 'en' ? "I can't reach the order system right now. Please try again in a moment, or ask to talk to a person." : '订单系统暂时连不上，请稍后再试，或者联系人工客服。',
  flowGaveUp: (lang: ReplyLanguage) =>
    lang === 'en' ? "Sorry, I still couldn't find your order. A person from our team can look it up for you." : '抱歉，还是没能查到您的订单，可以让人工客服帮您查询。',
  orderStatus(lang: ReplyLanguage, order: { number: string; status: string; carrier: string | null; trackingNumber: string | null; estimatedDelivery: string | null }): string {
    const zh: Record<string, string> = { paid: '已付款，仓库正在备货', shipped: '已发货', in_transit: '运输中', delivered: '已签收' };
    const en: Record<string, string> = { paid: 'paid — the warehouse is packing it', shipped: 'shipped', in_transit: 'in transit', delivered: 'delivered' };
    if (lang === 'en') {
      const lines = [`Order \`${order.number}\` is **${en[order.status] ?? order.status}**.`];
      if (order.carrier && order.trackingNumber) lines.push(`Carrier: ${order.carrier}, tracking number \`${order.trackingNumber}\`.`);
      if (order.estimatedDelivery && order.status !== 'delivered') lines.push(`Expected delivery: ${order.estimatedDelivery}.`);
      return lines.join('\n\n');
    }
    const lines = [`订单 \`${order.number}\` 当前状态：**${zh[order.status] ?? order.status}**。`];
    if (order.carrier && order.trackingNumber) lines.push(`快递公司：${order.carrier}，运单号 \`${order.trackingNumber}\`。`);
    if (order.estimatedDelivery && order.status !== 'delivered') lines.push(`预计送达：${order.estimatedDelivery}。`);
    return lines.join('\n\n');
  },
  triggerName(lang: ReplyLanguage, trigger: HandoffTrigger): string {
    const zh: Record<HandoffTrigger, string> = { explicit: '客户要求人工', repeat: '同一问题问了多次', emotion: '客户情绪激动', low_confidence: '机器人连续没听懂', human_only: '该客户只由人工服务' };
    const en: Record<HandoffTrigger, string> = { explicit: 'the customer asked for a person', repeat: 'the same question was asked repeatedly', emotion: 'the customer is upset', low_confidence: 'the bot did not understand twice in a row', human_only: 'this customer is served by people only' };
    return lang === 'en' ? en[trigger] : zh[trigger];
  },
};
