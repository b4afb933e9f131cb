import type { KnowledgeDoc } from './knowledgeIndex.ts';

/** A small written shop FAQ in Chinese and English, for tests only. */
export const shopFaq: KnowledgeDoc[] = [
  { id: 'return', questions: ['怎么退货', '我想退货', '退货流程是什么', 'how do I return an item', 'return policy'], answer: '在订单页点击申请退货，七天无理由。' },
  { id: 'refund', questions: ['退款多久到账', '钱什么时候退回来', '退款还没到', 'when will I get my refund', 'refund status'], answer: '退款原路返回，1-3个工作日到账。' },
  { id: 'shipping', questions: ['运费谁出', '包邮吗', '运费多少钱', 'how much is shipping', 'is shipping free'], answer: '满99包邮。' },
  { id: 'invoice', questions: ['怎么开发票', '可以开增值税发票吗', '发票抬头怎么改', 'can I get an invoice', 'I need a receipt'], answer: '在订单详情申请电子发票。' },
  { id: 'coupon', questions: ['优惠券怎么用', '优惠券不能用', '领的券去哪了', 'how do I use a coupon', 'my coupon does not work'], answer: '结算页选择优惠券。' },
  { id: 'huabei', questions: ['可以用花呗吗', '支持花呗分期吗', 'can I pay with huabei', 'installment payment'], answer: '支持花呗分期。' },
  { id: 'password', questions: ['忘记密码怎么办', '怎么改密码', 'I forgot my password', 'reset password'], answer: '在登录页点忘记密码。' },
  { id: 'logistics', questions: ['我的快递到哪了', '物流信息查不到', '怎么还没发货', 'where is my package', 'track my order'], answer: '在订单页查看物流。' },
];
