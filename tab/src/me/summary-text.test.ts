import { describe, expect, it } from 'vitest';
import { translator } from '../../../bot/contract/i18n/translate.js';
import { catalogsFor } from '../i18n/catalog.js';
import { es } from '../i18n/messages/es.js';
import { entriesText, minutesText, monthText, streakText } from './summary-text.js';

describe('summary text', () => {
  it('says a streak in check-ins', () => {
    expect(streakText(0)).toBe('No streak yet');
    expect(streakText(1)).toBe('1 check-in in a row');
    expect(streakText(3)).toBe('3 check-ins in a row');
  });

  it('counts entries and time the way the locale writes them', () => {
    expect(entriesText(1)).toBe('1 entry');
    expect(entriesText(1200)).toBe('1,200 entries');
    const spanish = translator(catalogsFor('es', es), 'es');
    expect(entriesText(1200, spanish)).toBe('1200 entradas');
    expect(streakText(1, spanish)).toBe('1 check-in seguido');
    expect(minutesText(0, 'en-US')).toBe('0 min');
    expect(minutesText(95, 'en-US')).toBe('1 hr 35 min');
  });

  it('names the month, and shows an unexpected month as sent', () => {
    expect(monthText('2026-11', 'en-US')).toBe('November 2026');
    expect(monthText('2026-11', 'de-DE')).toBe('November 2026');
    expect(monthText('2026-01', 'fr-FR')).toBe('janvier 2026');
    expect(monthText('Nov', 'en-US')).toBe('Nov');
  });
});
