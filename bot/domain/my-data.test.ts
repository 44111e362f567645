import { describe, expect, it } from 'vitest';
import { countsText } from './my-data.js';
import { isEraseConfirmation } from '../contract/my-data.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

describe('isEraseConfirmation', () => {
  it('accepts the phrase however it is capitalised or spaced', () => {
    for (const typed of ['erase my data', 'Erase my data', '  ERASE  my   data ']) expect(isEraseConfirmation(typed)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const typed of ['', 'erase', 'erase my data!', 'erase my date', 'yes', undefined, null, 1, ['erase my data']])
      expect(isEraseConfirmation(typed)).toBe(false);
  });
});

describe('countsText', () => {
  const none = { entries: 0, checkIns: 0, goals: 0, shares: 0, marks: 0, saved: 0, nudges: 0, coaching: 0, recommendations: 0 };

  it('names each kind held, singular or plural, and leaves out the empty ones', () => {
    expect(countsText({ ...none, entries: 12, goals: 1, marks: 2 }, en)).toBe('12 learning entries, 1 goal, 2 marks on others’ shares');
  });

  it('says it in the reader’s language', () => {
    expect(countsText({ ...none, entries: 12, goals: 1 }, botTranslator('es-ES'))).toBe('12 entradas de aprendizaje y 1 objetivo');
  });

  it('says so when there is nothing', () => {
    expect(countsText(none, en)).toBe('nothing yet');
  });
});
