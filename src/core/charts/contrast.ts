// Colour contrast (WCAG 2.x): which text colour reads on a workspace's brand colour, and whether it reads well.

/** A brand colour as the settings take it: #rrggbb. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export const DARK_TEXT = '#111827';
export const LIGHT_TEXT = '#ffffff';

function channels(hex: string): [number, number, number] {
  if (!HEX_COLOR.test(hex)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on the colour given; and whether it meets WCAG AA for body text (4.5:1). */
export function textOn(background: string): { color: string; ratio: number; meetsAA: boolean } {
  const light = contrastRatio(background, LIGHT_TEXT);
  const dark = contrastRatio(background, DARK_TEXT);
  const [color, ratio] = light >= dark ? [LIGHT_TEXT, light] : [DARK_TEXT, dark];
  return { color, ratio: Math.round(ratio * 100) / 100, meetsAA: ratio >= 4.5 };
}

/**
 * The brand colour as a line or a mark on white paper: itself when it stands out (3:1, WCAG's figure for graphics),
 * else darkened toward black until it does, so a pale yellow brand still draws a visible chart.
 */
export function markOnWhite(hex: string): string {
  const [r, g, b] = channels(hex);
  for (let keep = 1; keep > 0; keep -= 0.05) {
    const shade = `#${[r, g, b].map((c) => Math.round(c * keep * 255).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(shade, LIGHT_TEXT) >= 3) return shade;
  }
  return DARK_TEXT;
}
