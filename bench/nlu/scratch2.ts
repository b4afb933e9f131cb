const C = 77, V = 34000, N = 8000, K = 172;
const w = new Float32Array(V * C).map((_, i) => (i % 13) * 0.01);
const idx = Array.from({ length: N }, (_, n) => Int32Array.from({ length: K }, (_, k) => (n * 7919 + k * 104729) % V));
const val = new Float32Array(K).fill(0.07);
const out = new Float64Array(C);
function fwd(index: Int32Array) {
  for (let c = 0; c < C; c++) out[c] = 0;
  for (let k = 0; k < index.length; k++) { const row = index[k]! * C; const v = val[k]!; for (let c = 0; c < C; c++) out[c]! += w[row + c]! * v; }
}
for (let rep = 0; rep < 3; rep++) { const t = performance.now(); for (const i of idx) fwd(i); console.log('epoch fwd ms', performance.now() - t); }
