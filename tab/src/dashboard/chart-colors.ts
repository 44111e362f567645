import type { ThemeName } from '../host/host.js';
import { THEMES } from '../theme.js';

export interface ChartColors {
  responded: string;
  nothing: string;
  noAnswer: string;
  minutes: string;
  sources: string;
}

/**
 * Series colours from each theme's own tokens, chosen to stand 3:1 or more against the page
 * (WCAG's bar for graphics) and apart from each other. High contrast has only a few colours, so
 * it uses its link yellow and its accent cyan beside plain white.
 */
export function chartColors(name: ThemeName): ChartColors {
  const theme = THEMES[name];
  if (name === 'contrast') {
    return {
      responded: theme.colorCompoundBrandForeground1,
      nothing: theme.colorBrandForegroundLink,
      noAnswer: theme.colorNeutralForeground1,
      minutes: theme.colorCompoundBrandForeground1,
      sources: theme.colorCompoundBrandForeground1,
    };
  }
  return {
    responded: theme.colorBrandForeground1,
    nothing: theme.colorPaletteDarkOrangeBorderActive,
    noAnswer: theme.colorNeutralStrokeAccessible,
    minutes: theme.colorBrandForeground1,
    sources: theme.colorPaletteTealBorderActive,
  };
}
