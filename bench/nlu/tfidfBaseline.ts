// The textbook baseline: TF-IDF (word uni+bigrams for English, character uni+bigrams for
// Chinese) and a softmax logistic regression by plain SGD. Written here, on purpose apart from
// the engine, so it shows what the engine adds.
import type { PairRow, Row } from './datasets.ts';

type Sparse = { index: number[]; value: number[] };

function terms(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  const words = lower.match(/[a-z0-9']+/gu) ?? [];
  words.forEach((w, i) => { out.push(w); if (i > 0) out.push(`${words[i - 1]} ${w}`); });
  const han = Array.from(lower.replace(/[^\u4e00-\u9fff]/gu, ''));
  han.forEach((c, i) => { out.push(c); if (i > 0) out.push(han[i - 1] + c); });
  return out;
}

class TfIdf {
  private readonly vocabulary = new Map<string, number>();
  private idf: number[] = [];
  fit(texts: readonly string[]): void {
    const df: number[] = [];
    for (const t of texts) for (const term of new Set(terms(t))) {
      let i = this.vocabulary.get(term);
      if (i === undefined) { i = this.vocabulary.size; this.vocabulary.set(term, i); }
      df[i] = (df[i] ?? 0) + 1;
    }
    this.idf = df.map((d) => Math.log((1 + texts.length) / (1 + d)) + 1);
  }
  get size(): number { return this.vocabulary.size; }
  transform(text: string): Sparse {
    const tf = new Map<number, number>();
    for (const term of terms(text)) { const i = this.vocabulary.get(term); if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1); }
    const index = [...tf.keys()];
    const value = index.map((i) => (tf.get(i) ?? 0) * (this.idf[i] ?? 0));
    const norm = Math.sqrt(value.reduce((s, v) => s + v * v, 0)) || 1;
    return { index, value: value.map((v) => v / norm) };
  }
}

class LogisticRegression {
  private readonly w: Float64Array;
  constructor(private readonly features: number, private readonly classes: number) { this.w = new Float64Array(features * classes); }
  probabilities(x: Sparse): Float64Array {
    const s = new Float64Array(this.classes);
    x.index.forEach((f, k) => { for (let c = 0; c < this.classes; c++) s[c] = (s[c] ?? 0) + (this.w[f * this.classes + c] ?? 0) * (x.value[k] ?? 0); });
    const max = Math.max(...s);
    let sum = 0;
    for (let c = 0; c < this.classes; c++) { s[c] = Math.exp((s[c] ?? 0) - max); sum += s[c] ?? 0; }
    return s.map((v) => v / sum);
  }
  fit(xs: readonly Sparse[], ys: readonly number[], epochs = 10): void {
    let step = 0;
    for (let e = 0; e < epochs; e++) {
      for (let n = 0; n < xs.length; n++) {
        const i = (n * 7919 + e * 104729) % xs.length; // a fixed permutation-ish order, no PRNG needed
        const x = xs[i] as Sparse;
        const p = this.probabilities(x);
        const rate = 1 / (1 + step++ / xs.length);
        x.index.forEach((f, k) => {
          for (let c = 0; c < this.classes; c++) {
            const g = ((p[c] ?? 0) - (c === ys[i] ? 1 : 0)) * (x.value[k] ?? 0);
            this.w[f * this.classes + c] = (this.w[f * this.classes + c] ?? 0) - rate * g;
          }
        });
      }
    }
  }
}

export function trainBaseline(rows: readonly Row[]): (text: string) => string {
  const labels = [...new Set(rows.map((r) => String(r.label)))].sort();
  const tfidf = new TfIdf();
  tfidf.fit(rows.map((r) => r.text));
  const lr = new LogisticRegression(tfidf.size, labels.length);
  lr.fit(rows.map((r) => tfidf.transform(r.text)), rows.map((r) => labels.indexOf(String(r.label))));
  return (text) => {
    const p = lr.probabilities(tfidf.transform(text));
    let best = 0;
    p.forEach((v, c) => { if (v > (p[best] ?? 0)) best = c; });
    return labels[best] ?? '';
  };
}

/** Pairs: LR over the element-wise product of the two TF-IDF vectors (shared weighted terms). */
export function trainPairBaseline(rows: readonly PairRow[]): (a: string, b: string) => number {
  const tfidf = new TfIdf();
  tfidf.fit(rows.flatMap((r) => [r.a, r.b]));
  const encode = (a: string, b: string): Sparse => {
    const va = tfidf.transform(a), vb = tfidf.transform(b);
    const weights = new Map(vb.index.map((f, k) => [f, vb.value[k] ?? 0]));
    const index: number[] = [0, 1], value: number[] = [1, 0]; // a bias, then the cosine
    va.index.forEach((f, k) => { const w = weights.get(f); if (w !== undefined) { index.push(f + 2); value.push((va.value[k] ?? 0) * w); value[1] = (value[1] ?? 0) + (va.value[k] ?? 0) * w; } });
    return { index, value };
  };
  const lr = new LogisticRegression(tfidf.size + 2, 2);
  lr.fit(rows.map((r) => encode(r.a, r.b)), rows.map((r) => r.label));
  return (a, b) => ((lr.probabilities(encode(a, b))[1] ?? 0) >= 0.5 ? 1 : 0);
}
