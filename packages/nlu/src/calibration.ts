import { softmaxInPlace } from './softmaxRegression.ts';

/** One held-out prediction: its logits and the class it should have been (-1 = out of scope). */
export type HeldOut = { logits: Float64Array; truth: number };

/** Out-of-scope signals of one prediction; higher means more in scope. */
export type ScopeSignals = { maxProb: number; energy: number; top: number };

export function scopeSignals(logits: Float64Array, temperature: number, inScopeClasses: number): ScopeSignals {
  let max = -Infinity;
  for (const s of logits) if (s > max) max = s;
  let sum = 0;
  for (const s of logits) sum += Math.exp((s - max) / temperature);
  // free energy (log-sum-exp of logits) separates unseen topics better than max probability alone
  const energy = max / temperature + Math.log(sum);
  let top = 0;
  for (let c = 1; c < logits.length; c++) if ((logits[c] ?? 0) > (logits[top] ?? 0)) top = c;
  let maxLogit = -Infinity;
  for (let c = 0; c < inScopeClasses; c++) maxLogit = Math.max(maxLogit, logits[c] ?? -Infinity);
  const maxProb = Math.exp((maxLogit - max) / temperature) / sum;
  return { maxProb, energy, top };
}

// Fewer held-out examples than this and a fitted temperature mostly fits noise.
const MIN_TO_FIT_TEMPERATURE = 30;

/** Temperature in [0.25, 4] minimizing the negative log-likelihood of in-scope held-out predictions. */
export function fitTemperature(heldOut: readonly HeldOut[]): number {
  const inScope = heldOut.filter((h) => h.truth >= 0);
  if (inScope.length < MIN_TO_FIT_TEMPERATURE) return 1;
  let best = 1;
  let bestLoss = Infinity;
  for (let step = -14; step <= 14; step++) {
    const t = Math.exp(step * 0.1);
    let loss = 0;
    for (const h of inScope) {
      const p = softmaxInPlace(Float64Array.from(h.logits), t)[h.truth] ?? 0;
      loss -= Math.log(Math.max(p, 1e-12));
    }
    if (loss < bestLoss) { bestLoss = loss; best = t; }
  }
  return best;
}

export type ScopeThresholds = { maxProb: number; energy: number };

/**
 * Thresholds that reject at most `budget` of the correctly answered in-scope examples while
 * catching as many out-of-scope ones as possible: the in-scope accuracy we give up is bounded.
 */
export function tuneScopeThresholds(heldOut: readonly HeldOut[], temperature: number, inScopeClasses: number, budget: number): ScopeThresholds {
  const signals = heldOut.map((h) => ({ truth: h.truth, ...scopeSignals(h.logits, temperature, inScopeClasses) }));
  const correct = signals.filter((s) => s.truth >= 0 && s.top === s.truth);
  const outside = signals.filter((s) => s.truth < 0 && s.top < inScopeClasses);
  if (correct.length === 0 || outside.length === 0) return { maxProb: 0, energy: -Infinity };
  const allowed = Math.floor(budget * signals.filter((s) => s.truth >= 0).length);
  const byProb = correct.map((s) => s.maxProb).sort((a, b) => a - b);
  let best: ScopeThresholds = { maxProb: 0, energy: -Infinity };
  let bestCaught = -1;
  for (let spent = 0; spent <= Math.min(allowed, byProb.length - 1); spent++) {
    const probCut = byProb[spent] ?? 0; // rejects the `spent` examples strictly below it
    const survivors = correct.filter((s) => s.maxProb >= probCut).map((s) => s.energy).sort((a, b) => a - b);
    const energyCut = survivors[Math.min(allowed - spent, survivors.length - 1)] ?? -Infinity;
    const caught = outside.filter((s) => s.maxProb < probCut || s.energy < energyCut).length;
    if (caught > bestCaught) { bestCaught = caught; best = { maxProb: probCut, energy: energyCut }; }
  }
  return best;
}
