import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { createContext } from 'react';
import type { ThemeName } from './host/host.js';

export const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/**
 * The theme in effect. Styles read Fluent's CSS variables, but chart series colours are SVG
 * attributes the chart library also computes with, so they need the theme's actual values.
 */
export const ThemeNameContext = createContext<ThemeName>('light');
