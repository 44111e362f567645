import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatDate, formatMinutes, formatRating, safeHref, sourceLabel } from './format.js';

describe('format', () => {
  it('writes time spent as a person would read it, in their language', () => {
    expect(formatMinutes(25, 'en-US')).toBe('25 min');
    expect(formatMinutes(60, 'en-US')).toBe('1 hr');
    expect(formatMinutes(135, 'en-US')).toBe('2 hr 15 min');
    expect(formatMinutes(90, 'de-DE')).toBe('1 Std. 30 Min.');
  });

  it('formats dates for the user’s locale and never fails on a bad one', () => {
    expect(formatDate('2026-11-20T10:00:00Z', 'en-US')).toMatch(/Nov 20, 2026/);
    expect(formatDate('2026-11-20T10:00:00Z', 'de-DE')).toMatch(/20\.11\.2026/);
    expect(formatDate('yesterday-ish', 'en-US')).toBe('yesterday-ish');
  });

  it('writes a calendar day as the same day in every time zone, and leaves anything else as sent', () => {
    expect(formatCalendarDay('2026-12-31', 'en-US')).toBe('Dec 31, 2026');
    expect(formatCalendarDay('2026-01-01', 'de-DE')).toBe('01.01.2026');
    expect(formatCalendarDay('next spring', 'en-US')).toBe('next spring');
    expect(formatCalendarDay('2026-02-30', 'en-US')).toBe('2026-02-30');
  });

  it('writes a goal’s day in the Gregorian calendar in Saudi Arabic, even when the tag asks for the Hijri one', () => {
    // 31 December 2026 is 22 Jumada II 1448 in the Umm al-Qura calendar.
    expect(formatCalendarDay('2026-12-31', 'ar-SA')).toBe('٣١‏/١٢‏/٢٠٢٦');
    expect(formatCalendarDay('2026-12-31', 'ar-SA-u-ca-islamic-umalqura')).toBe('٣١‏/١٢‏/٢٠٢٦');
    expect(formatDate('2026-12-31T10:00:00Z', 'ar-SA-u-ca-islamic-umalqura')).toContain('٢٠٢٦');
  });

  it('labels every source type, and an unknown one as Other', () => {
    expect(sourceLabel('on-the-job')).toBe('On the job');
    expect(sourceLabel('podcast')).toBe('Podcast');
    expect(sourceLabel('hologram')).toBe('Other');
  });

  it('states the rating in words', () => {
    expect(formatRating(4)).toBe('Useful: 4/5');
  });

  it('makes only http(s) links clickable', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});
