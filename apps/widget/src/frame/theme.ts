// The workspace picks any brand colour; white text on it (header, the customer's bubbles, buttons) must stay readable.

// AA asks 4.5:1; a little more leaves room for the light brand tints chips sit on.
const TARGET = 5;

function channels(hex: string): [number, number, number] | null {
  const raw = hex.replace('#', '');
  const full = raw.length === 3 || raw.length === 4 ? [...raw.slice(0, 3)].map((c) => c + c).join('') : raw.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio of white text on this colour (1–21). */
export function contrastWithWhite(hex: string): number {
  const rgb = channels(hex);
  return rgb ? 1.05 / (luminance(rgb) + 0.05) : 1;
}

/**
 * The brand colour, darkened just enough for white text on it (and it as text on white) to clear WCAG AA (4.5:1) with some headroom.
 * A colour that already passes comes back unchanged.
 */
export function readableBrand(hex: string): string {
  const rgb = channels(hex);
  if (!rgb) return hex;
  let shade = rgb;
  for (let step = 1; step <= 20 && 1.05 / (luminance(shade) + 0.05) < TARGET; step++) {
    shade = rgb.map((c) => Math.round(c * (1 - step * 0.04))) as [number, number, number];
  }
  return `#${shade.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
