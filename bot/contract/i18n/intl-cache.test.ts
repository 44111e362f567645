import { describe, expect, it } from 'vitest';
import { dateTimeFormat, memoByTag, numberFormat } from './intl-cache.js';

describe('formatters built once per locale', () => {
  it('gives back the same formatter for the same locale and options, another for others', () => {
    expect(numberFormat('es', { maximumFractionDigits: 1 })).toBe(numberFormat('es', { maximumFractionDigits: 1 }));
    expect(numberFormat('es')).not.toBe(numberFormat('ar'));
    expect(numberFormat('ar-EG').format(1200)).toBe('١٬٢٠٠');
  });

  it('stays bounded however many made-up tags arrive', () => {
    let built = 0;
    const forTag = memoByTag((tag) => ({ tag, n: ++built }));
    const first = forTag('es-ES');
    expect(forTag('es-ES')).toBe(first);
    for (let i = 0; i < 2000; i++) forTag(`x-made-up-${i}`);
    // The flood emptied the cache rather than growing it: the known tag is built again once.
    expect(forTag('es-ES')).not.toBe(first);
    expect(built).toBe(2002);
  });

  it('writes dates in the Gregorian calendar even for a locale that asks for the Hijri one', () => {
    const day = new Date(Date.UTC(2026, 11, 31));
    for (const tag of ['ar-SA', 'ar-SA-u-ca-islamic-umalqura']) {
      const format = dateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
      expect(format.resolvedOptions().calendar).toBe('gregory');
      // The Hijri calendar would write 1448 AH; the Gregorian one December 2026.
      expect(format.format(day)).toBe('٣١ ديسمبر ٢٠٢٦');
    }
  });
});
