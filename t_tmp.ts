import { analyzeEmotion } from './packages/nlu/src/emotion.ts';
for (const s of ['请问怎么退货', '你们这是骗子！！！我要投诉', '我的快递怎么还没到', '已经第三次了，还没解决，太离谱了', '谢谢，问题解决了', '不满意', '退款退款退款', 'How do I reset my password?', 'This is RIDICULOUS!!! I want my money back', 'still not refunded, third time asking', 'thank you so much, great help', 'not happy with this', 'I will report you to 12315', '这个不错', '非常失望😞', '急用，麻烦尽快发货']) {
  const e = analyzeEmotion(s); console.log(s, e.level, e.category, e.sentiment, e.cues.join(','));
}
