export type EmotionCategory = 'anger' | 'anxiety' | 'disappointment' | 'satisfaction' | 'neutral';
export type Cue = { term: string; category: Exclude<EmotionCategory, 'neutral'>; weight: number };

/** Written for customer service: what angry, anxious, let-down and happy customers actually type. */
const cues = (category: Cue['category'], weight: number, terms: string): Cue[] =>
  terms.split('|').map((term) => ({ term, category, weight }));

export const emotionCues: readonly Cue[] = [
  ...cues('anger', 3, '骗子|骗人|诈骗|欺诈|12315|消协|工商局|曝光|报警|起诉|律师|黑心|无良|垃圾公司|去死|混蛋|王八蛋|scam|scammer|fraud|lawyer|sue you|police|rip-off|ripoff|bullshit|wtf'),
  ...cues('anger', 2, '投诉|差评|垃圾|坑人|太过分|过分|气死|恶心|忽悠|离谱|什么破|滚|无耻|愤怒|火大|受够了|耍我|糊弄|敷衍|退钱|complaint|complain|ridiculous|unacceptable|terrible|worst|disgusting|pathetic|useless|furious|angry|outrageous|awful|hate|liar|cheated|fed up'),
  ...cues('anger', 2.5, '第三次|第四次|第五次|好几次|说了多少遍|多少次了|每次都|三番五次|反复|一而再|third time|fourth time|how many times|again and again|every single time|over and over'),
  ...cues('anxiety', 1.5, '着急|急死|很急|急用|赶紧|马上|尽快|快点|等不及|怎么还没|还没到|还没收到|还没退|一直没|到底|催了|等了|等很久|什么时候能|怎么办|担心|urgent|asap|immediately|right now|hurry|still waiting|still not|still no|when will|emergency|worried|how long'),
  ...cues('disappointment', 1.5, '失望|不满意|不好用|太差|很差|后悔|算了|再也不|无语|唉|心累|白买|上当|不值|没用|不行|disappointed|disappointing|let down|regret|never again|not happy|unhappy|not satisfied|waste of|expected better|sad|poor service'),
  ...cues('satisfaction', 1.5, '谢谢|感谢|多谢|满意|好评|太好了|不错|给力|赞|很棒|真棒|解决了|辛苦了|好的呢|点赞|贴心|thanks|thank you|thx|great|perfect|awesome|appreciate|excellent|love it|solved|helpful|wonderful|amazing|well done'),
  ...cues('anger', 2, '😡|🤬|😠|👎|💢'),
  ...cues('disappointment', 1.5, '😭|😢|😞|😔|💔'),
  ...cues('satisfaction', 1.5, '😊|👍|❤|🙏|😄|🥰|👌'),
];

/** Words that make the next cue stronger. */
export const intensifiers: readonly string[] = ['非常', '特别', '极其', '十分', '真的', '太', '超级', '超', '完全', '简直', 'very', 'so', 'really', 'extremely', 'totally', 'absolutely', 'completely', 'super'];

/** Words that turn the next cue around ("不满意" is a cue of its own; this catches the rest). */
export const negations: readonly string[] = ['不', '没', '别', '并非', '毫不', 'not', "n't", 'never', 'no'];
