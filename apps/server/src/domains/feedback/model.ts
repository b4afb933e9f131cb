// Net Promoter Score, as Bain defines it: promoters answer 9–10, passives 7–8, detractors 0–6.

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** % promoters − % detractors, rounded to a whole number (−100…100); null when nobody answered. */
export function netPromoterScore(counts: { promoters: number; passives: number; detractors: number }): number | null {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return null;
  return Math.round(((counts.promoters - counts.detractors) / responses) * 100);
}
