import { describe, expect, it } from 'vitest';
import type { ThemeName } from '../host/host.js';
import { THEMES } from '../theme.js';
import { chartColors } from './chart-colors.js';

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('chartColors', () => {
  it.each<ThemeName>(['light', 'dark', 'contrast'])('stands out 3:1 from the %s page, with three distinct answer colours', (name) => {
    const colors = chartColors(name);
    const page = THEMES[name].colorNeutralBackground1;
    for (const color of Object.values(colors)) expect(contrast(color, page)).toBeGreaterThanOrEqual(3);
    expect(new Set([colors.responded, colors.nothing, colors.noAnswer]).size).toBe(3);
  });
});
