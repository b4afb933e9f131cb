// Greetings, politeness and sentence particles say nothing about the topic. A customer wraps a
// question in them ("你好，请问…谢谢", "hi, … please") while a knowledge base's questions rarely
// carry them, so they are left out when measuring how much of a query the questions know.

const CHINESE = ['麻烦问一下', '打扰一下', '麻烦你', '打扰了', '问一下', '请问', '你好', '您好', '哈喽', '在不在', '在吗', '谢谢你', '谢谢', '多谢', '感谢', '老板', '麻烦', '啊', '呀', '呢', '吧', '哦', '嗯', '哈'];
const ENGLISH = ['good morning', 'good afternoon', 'good evening', 'thank you', 'excuse me', 'hello', 'hiya', 'hey', 'hi', 'please', 'pls', 'plz', 'thanks', 'thx', 'sorry', 'dear', 'sir', 'madam', 'kindly'];

const PATTERN = new RegExp(`${CHINESE.join('|')}|\\b(?:${ENGLISH.join('|')})\\b`, 'giu');

/** The query without its courtesy words; the text itself when it has none or is nothing else. */
export function withoutCourtesy(text: string): string {
  PATTERN.lastIndex = 0;
  if (!PATTERN.test(text)) return text;
  const topical = text.replace(PATTERN, ' ');
  return /[\p{L}\p{N}]/u.test(topical) ? topical : text;
}
