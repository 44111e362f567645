import { describe, expect, it } from 'vitest';
import { isEraseConfirmation } from './my-data.js';

describe('isEraseConfirmation', () => {
  it('accepts the phrase however it is capitalised or spaced', () => {
    for (const typed of ['erase my data', 'Erase my data', '  ERASE  my   data ']) expect(isEraseConfirmation(typed)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const typed of ['', 'erase', 'erase my data!', 'erase my date', 'yes', undefined, null, 1, ['erase my data']])
      expect(isEraseConfirmation(typed)).toBe(false);
  });
});
