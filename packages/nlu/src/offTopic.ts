/**
 * Written examples of what customers say that no knowledge base answers: chit-chat, weather,
 * jokes, keyboard mashing. A matcher learns them as a background class so off-topic
 * messages have somewhere to go besides the nearest entry.
 */
export const offTopicExamples: readonly string[] = [
  '今天天气怎么样', '明天会下雨吗', '外面冷不冷', '北京今天多少度', '给我讲个笑话', '讲个故事吧',
  '你叫什么名字', '你是男的还是女的', '你几岁了', '你喜欢什么颜色', '我好无聊', '陪我聊聊天',
  '唱首歌给我听', '推荐一部电影', '今天吃什么好', '附近有什么好吃的', '现在几点了', '今天星期几',
  '你是机器人吗', '你好笨啊', '哈哈哈哈', '嗯嗯', '你会做饭吗', '世界上最高的山是哪座',
  '帮我写一首诗', '一加一等于几', '足球比赛谁赢了', '股票明天会涨吗', '我失恋了', '晚安',
  '地球是圆的吗', '播放一首周杰伦的歌', '帮我订一张去上海的机票', '附近的电影院', '翻译一下hello',
  "what's the weather like today", 'will it rain tomorrow', 'tell me a joke', 'tell me a story',
  'what is your name', 'how old are you', 'do you like music', 'i am bored', 'sing me a song',
  'recommend a movie', 'what should i eat tonight', 'what time is it', 'who won the game last night',
  'what is the capital of france', 'are you a robot', 'you are stupid', 'lol', 'haha',
  'write me a poem', 'what is the meaning of life', 'how tall is mount everest', 'play some music',
  'book me a flight to paris', 'do you believe in god', 'good night', 'what day is it today',
  'asdfgh', 'qwerty', 'jkjkjk', 'zxcvbn', '啊啊啊啊', '。。。', '???', 'test test', '1234567',
];
