// Net Promoter Score is defined once, with every other figure, in the analytics definitions (docs/metrics.md).
export { netPromoterScore, npsCategory, NPS_DETRACTOR, NPS_PROMOTER, type NpsCategory } from '../analytics/index.ts';
