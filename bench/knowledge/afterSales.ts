// A deterministic 10k-entry after-sales knowledge base: 50 topics × 100 products, in Chinese and English.
// Every entry has its own question, 3 similar questions and an answer, the shape a real shop's FAQ grows into
// (one answer per product line for returns, warranty, installation …).

type Topic = { zh: [string, string[], string]; en: [string, string[], string]; category: [string, string] };

// {p} is the product. Each topic: question, similar questions, answer.
const topics: Topic[] = [
  { category: ['退货', 'Returns'], zh: ['{p}怎么退货？', ['{p}可以退吗', '{p}不想要了怎么退', '{p}退货流程'], '{p}签收 7 天内可在「我的订单」申请无理由退货，保持包装完整。'], en: ['How do I return the {p}?', ['can I return my {p}', 'return process for {p}', 'I want to send back the {p}'], 'Request a return for the {p} in My Orders within 7 days of delivery.'] },
  { category: ['退款', 'Refunds'], zh: ['{p}退款多久到账？', ['{p}的钱什么时候退回来', '{p}退款进度', '{p}退款还没到'], '{p}的退款在仓库收货后 1–3 个工作日原路退回。'], en: ['When will I get my refund for the {p}?', ['refund status {p}', '{p} refund not received', 'how long does the {p} refund take'], 'Refunds for the {p} go back to the original payment 1–3 working days after the warehouse receives it.'] },
  { category: ['换货', 'Exchanges'], zh: ['{p}可以换货吗？', ['{p}换个颜色', '{p}尺码不对能换吗', '{p}怎么换新'], '{p}签收 15 天内质量问题可换货，在订单详情里选择「换货」。'], en: ['Can I exchange the {p}?', ['swap my {p} for another colour', 'wrong size {p} exchange', 'exchange a faulty {p}'], 'Faulty {p} can be exchanged within 15 days: choose Exchange in the order details.'] },
  { category: ['保修', 'Warranty'], zh: ['{p}保修多久？', ['{p}质保期', '{p}坏了保修吗', '{p}的保修政策'], '{p}整机保修一年，主要部件保修三年，凭订单号即可报修。'], en: ['How long is the warranty on the {p}?', ['{p} warranty period', 'is my broken {p} covered', '{p} guarantee'], 'The {p} has a one-year warranty, three years on main parts; your order number is enough.'] },
  { category: ['维修', 'Repairs'], zh: ['{p}坏了去哪修？', ['{p}维修网点', '{p}送修流程', '{p}故障怎么报修'], '{p}可在「服务 → 报修」预约上门或寄修，维修期间可申请备用机。'], en: ['Where can I get the {p} repaired?', ['{p} repair centre', 'book a repair for my {p}', '{p} is broken what do I do'], 'Book a home visit or mail-in repair for the {p} under Service → Repairs.'] },
  { category: ['安装', 'Installation'], zh: ['{p}包安装吗？', ['{p}上门安装', '{p}安装收费吗', '{p}怎么预约安装'], '{p}免费上门安装，签收后在订单里预约时间即可。'], en: ['Is installation included for the {p}?', ['{p} home installation', 'does {p} installation cost extra', 'book {p} installation'], 'Installation of the {p} is free: book a time slot in the order after delivery.'] },
  { category: ['物流', 'Delivery'], zh: ['{p}什么时候发货？', ['{p}几天能到', '{p}还没发货', '{p}发货时间'], '{p}付款后 48 小时内发货，偏远地区另加 1–2 天。'], en: ['When will the {p} ship?', ['{p} delivery time', 'my {p} has not shipped', 'how many days for the {p} to arrive'], 'The {p} ships within 48 hours of payment; remote areas take 1–2 days more.'] },
  { category: ['发票', 'Invoices'], zh: ['{p}能开发票吗？', ['{p}开票', '{p}要增值税专票', '{p}电子发票在哪'], '{p}支持电子普票和专票，在订单详情「发票」里申请。'], en: ['Can I get an invoice for the {p}?', ['{p} VAT invoice', 'where is my {p} e-invoice', 'invoice for {p} order'], 'Request an e-invoice or VAT invoice for the {p} under Invoice in the order details.'] },
  { category: ['价格', 'Prices'], zh: ['{p}降价了能补差价吗？', ['{p}买贵了', '{p}价保', '{p}刚买就降价'], '{p}享受 30 天价保，在订单详情申请价保即可退差价。'], en: ['The {p} got cheaper, can I get the difference back?', ['{p} price protection', 'I paid too much for the {p}', '{p} price dropped after I bought it'], 'The {p} has 30-day price protection: apply in the order details to get the difference.'] },
  { category: ['配件', 'Accessories'], zh: ['{p}的配件在哪买？', ['{p}配件', '{p}充电器丢了', '{p}原装配件'], '{p}原装配件在商品页「配件」一栏购买，享受同等保修。'], en: ['Where can I buy accessories for the {p}?', ['{p} spare parts', 'lost my {p} charger', 'original {p} accessories'], 'Original {p} accessories are on the product page under Accessories, with the same warranty.'] },
];
const extraZh = ['说明书', '使用方法', '清洁保养', '以旧换新', '分期付款', '赠品', '包装破损', '少发漏发', '质量问题', '售后电话'];
const extraEn = ['manual', 'how to use', 'cleaning and care', 'trade-in', 'instalments', 'free gift', 'damaged packaging', 'missing item', 'quality problem', 'service hotline'];

const productsZh = ['扫地机器人', '空气净化器', '电饭煲', '洗碗机', '智能手表', '蓝牙耳机', '电动牙刷', '吹风机', '咖啡机', '微波炉'];
const productsEn = ['robot vacuum', 'air purifier', 'rice cooker', 'dishwasher', 'smart watch', 'bluetooth earbuds', 'electric toothbrush', 'hair dryer', 'coffee machine', 'microwave'];
const series = ['Air', 'Pro', 'Max', 'Lite', 'Mini', 'Plus', 'S1', 'S2', 'X', 'Ultra'];

function topicsFor(i: number): Topic {
  if (i < topics.length) return topics[i]!;
  const k = i - topics.length;
  const zhWord = extraZh[k % extraZh.length]!;
  const enWord = extraEn[k % extraEn.length]!;
  const variant = Math.floor(k / extraZh.length);
  const zhAsk = ['{p}的' + zhWord + '怎么办？', '{p}' + zhWord + '问题', '{p}' + zhWord + '在哪里看', '关于{p}' + zhWord][variant % 4]!;
  return {
    category: ['售后', 'After-sales'],
    zh: [zhAsk + (variant >= 4 ? `（${variant}）` : ''), [`{p}${zhWord}`, `{p}的${zhWord}咨询`, `请问{p}${zhWord}`], `关于{p}的${zhWord}，请在「服务中心 → {p}」查看，或把订单号发给我们。`],
    en: [`What about ${enWord} for the {p}?` + (variant >= 1 ? ` (${variant})` : ''), [`{p} ${enWord}`, `question about {p} ${enWord}`, `{p} ${enWord} help`], `For ${enWord} on the {p}, see Service Centre → {p}, or send us your order number.`],
  };
}

export type KbLine = { question: string; similarQuestions: string[]; answer: string; category: string; tags: string[] };

/** `count` entries (default 10,000): half Chinese, half English; the same every run. */
export function afterSalesKnowledge(count = 10_000): KbLine[] {
  const lines: KbLine[] = [];
  const perLanguage = Math.ceil(count / 2);
  const productCount = productsZh.length * series.length; // 100 product models
  const topicCount = Math.ceil(perLanguage / productCount);
  for (let t = 0; t < topicCount && lines.length < count; t++) {
    const topic = topicsFor(t);
    for (let p = 0; p < productCount && lines.length < count; p++) {
      const zhProduct = `${series[p % series.length]} ${productsZh[Math.floor(p / series.length)]}`;
      const enProduct = `${productsEn[Math.floor(p / series.length)]} ${series[p % series.length]}`;
      for (const [lang, product] of [['zh', zhProduct], ['en', enProduct]] as const) {
        if (lines.length >= count) break;
        const [q, similar, answer] = topic[lang];
        const fill = (s: string) => s.replaceAll('{p}', product);
        lines.push({ question: fill(q), similarQuestions: similar.map(fill), answer: fill(answer), category: topic.category[lang === 'zh' ? 0 : 1], tags: [product] });
      }
    }
  }
  return lines;
}
