import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Customer-service words jieba's general dictionary splits or misses. */
export const serviceWords: readonly string[] = [
  '退货', '退款', '换货', '运费', '运费险', '花呗', '借呗', '余额宝', '支付宝', '微信支付',
  '发票', '开发票', '电子发票', '增值税发票', '优惠券', '红包', '满减', '包邮', '快递', '物流',
  '快递单号', '订单号', '订单', '下单', '付款', '支付', '到账', '提现', '充值', '账单', '分期',
  '还款', '逾期', '额度', '客服', '人工客服', '转人工', '投诉', '差评', '好评', '售后', '保修',
  '维修', '退换货', '七天无理由', '签收', '未收到', '发货', '催单', '取消订单', '修改地址',
  '收货地址', '会员', '积分', '验证码', '密码', '登录', '注册', '注销', '绑定', '解绑', '银行卡',
  '信用卡', '手机号', '身份证', '实名认证', '骗子', '退钱',
];

// Lazily built, then never mutated: segmentation is pure once the dictionary is loaded.
let jieba: Jieba | undefined;

function segmenter(): Jieba {
  if (!jieba) {
    const built = Jieba.withDict(dict);
    built.loadDict(new TextEncoder().encode(serviceWords.map((w) => `${w} 200000 n`).join('\n')));
    jieba = built;
  }
  return jieba;
}

/** Chinese words of a run of Chinese text (no HMM, so the output only depends on the dictionary). */
export function cutChinese(text: string): string[] {
  return segmenter().cut(text, false);
}
