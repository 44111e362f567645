import { describe, expect, it } from 'vitest';
import { validateCheckIn } from '../bot/domain/check-in-submission.js';
import { checkEntryForm, type EntryFormValues } from '../tab/src/entries/entry-form.js';
import { editForm } from '../tab/src/testing/entry-fixtures.js';

/**
 * The tab's entry form and the bot's check-in card refuse the same things with the same words:
 * one test across both parts, so neither drifts (the tab imports the service only through
 * bot/contract/, so this comparison lives here).
 */
const form = editForm;

describe('the tab’s entry form and the check-in card', () => {
  it('gives the check-in card’s verdict and words for every field, so the form and the card agree', () => {
    const cases: Array<Partial<EntryFormValues>> = [
      { what: '' },
      { visibility: 'everyone' },
      { what: 'w'.repeat(201) },
      { link: 'javascript:alert(1)' },
      { link: `https://example.com/${'a'.repeat(2048)}` },
      { minutes: 'ten' },
      { minutes: '0' },
      { minutes: '1441' },
      { minutes: '12.5' },
      { rating: '6' },
      { insight: 'i'.repeat(1001) },
      { action: 'a'.repeat(501) },
      { result: 'r'.repeat(501) },
      { what: 'Fine', link: 'http://example.com', minutes: '1440', rating: '1', insight: 'i'.repeat(1000) },
    ];
    for (const over of cases) {
      const values = form(over);
      const card = validateCheckIn(values);
      const ours = checkEntryForm(values);
      expect(ours.ok ? {} : ours.errors).toEqual(card.ok ? {} : card.errors);
    }
  });
});
