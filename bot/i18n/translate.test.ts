import { describe, expect, it } from 'vitest';
import { formatDay, formatMinutes, formatStoredDay } from './format.js';
import { appLocaleOf, formattingLocale, isRtl } from '../contract/i18n/locales.js';
import { placeholdersOf, translator, type Catalogs } from '../contract/i18n/translate.js';

const catalogs: Catalogs<'hello' | 'only.en' | 'saved.one' | 'saved.other'> = {
  en: { hello: 'Hello, {name}', 'only.en': 'Only in English', 'saved.one': '{count} entry saved', 'saved.other': '{count} entries saved' },
  es: { hello: 'Hola, {name}', 'saved.one': '{count} entrada guardada', 'saved.other': '{count} entradas guardadas' },
  ar: { hello: 'مرحبًا، {name}', 'saved.other': 'تم حفظ {count} إدخال' },
};

describe('choosing the language', () => {
  it.each([
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['ar-SA', 'ar'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['not a tag!', 'en'],
  ] as const)('%s speaks %s', (tag, expected) => {
    expect(appLocaleOf(tag)).toBe(expected);
  });

  it('formats with the user’s own region when it is in the app’s language, else the language itself', () => {
    expect(formattingLocale('es-MX')).toBe('es-MX');
    expect(formattingLocale('fr-FR')).toBe('en');
    expect(formattingLocale('es-@@')).toBe('es');
    // Arabic with no region in Arabic-Indic digits; a region keeps its own (the Emirates write Latin ones).
    expect(new Intl.NumberFormat(formattingLocale('ar')).format(12)).toBe('١٢');
    expect(new Intl.NumberFormat(formattingLocale('ar-@@')).format(12)).toBe('١٢');
    expect(new Intl.NumberFormat(formattingLocale('ar-AE')).format(12)).toBe('12');
  });

  it('runs Arabic right to left and the others left to right', () => {
    expect([isRtl('ar'), isRtl('es'), isRtl('en')]).toEqual([true, false, false]);
  });
});

describe('translator', () => {
  it('fills placeholders, in the locale’s language', () => {
    expect(translator(catalogs, 'es-ES').t('hello', { name: 'Ana' })).toBe('Hola, Ana');
    expect(translator(catalogs, 'ar').t('hello', { name: 'Ana' })).toBe('مرحبًا، Ana');
  });

  it('falls back to English for a missing message, and for a language it does not ship', () => {
    expect(translator(catalogs, 'es').t('only.en')).toBe('Only in English');
    expect(translator(catalogs, 'de-DE').t('hello', { name: 'Jo' })).toBe('Hello, Jo');
  });

  it('chooses the plural form by the language’s rules and formats the count for the locale', () => {
    expect(translator(catalogs, 'en').plural('saved', 1)).toBe('1 entry saved');
    expect(translator(catalogs, 'en').plural('saved', 1200)).toBe('1,200 entries saved');
    expect(translator(catalogs, 'es').plural('saved', 1)).toBe('1 entrada guardada');
    expect(translator(catalogs, 'es').plural('saved', 1200)).toBe('1200 entradas guardadas');
    expect(translator(catalogs, 'ar-EG').plural('saved', 3)).toBe('تم حفظ ٣ إدخال');
  });

  it('lists a message’s placeholders so translations can be checked against English', () => {
    expect(placeholdersOf('{count} of {total} by {name}')).toEqual(['count', 'name', 'total']);
  });
});

describe('formatting', () => {
  it('says durations and days the locale’s way', () => {
    expect(formatMinutes('en', 90)).toBe('1 hr 30 min');
    expect(formatMinutes('es', 45)).toBe('45 min');
    expect(formatDay('es', '2026-11-29')).toBe('29 de noviembre de 2026');
    expect(formatDay('en-GB', '2026-11-29')).toBe('29 November 2026');
  });

  it('shows a stored day that is not one as it is, rather than failing', () => {
    expect(formatStoredDay('es', '2026-11-29')).toBe('29 de noviembre de 2026');
    expect(formatStoredDay('es', '2026-13-45')).toBe('2026-13-45');
    expect(formatStoredDay('es', 'soon')).toBe('soon');
  });
});
