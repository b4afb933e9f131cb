// Pure lookup: a key and variables to text in the chosen locale, falling back to Chinese then the key.
export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export type Dictionary = Readonly<Record<string, string>>;

export function translate(dictionaries: Readonly<Record<Locale, Dictionary>>, locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const template = dictionaries[locale][key] ?? dictionaries['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The browser's preferred language decides the first visit; after that the user's choice is remembered. */
export function pickLocale(saved: string | null, browserLanguages: readonly string[]): Locale {
  if (saved === 'zh-CN' || saved === 'en-US') return saved;
  for (const language of browserLanguages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}
