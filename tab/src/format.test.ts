import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, safeHref } from './format.js';

describe('format', () => {
  it('formats minutes as a person would read them', () => {
    expect(formatMinutes(25, 'en-US')).toBe('25 min');
    expect(formatMinutes(60, 'en-US')).toBe('1 h');
    expect(formatMinutes(135, 'en-US')).toBe('2 h 15 min');
  });

  it('formats dates for the user’s locale', () => {
    expect(formatDate('2026-11-20T10:00:00Z', 'en-US')).toMatch(/Nov 20, 2026/);
    expect(formatDate('2026-11-20T10:00:00Z', 'de-DE')).toMatch(/20\.11\.2026/);
  });

  it('makes only http(s) links clickable', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});
