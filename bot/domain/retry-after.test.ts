import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.js';

const NOW = Date.parse('2026-12-06T10:00:00Z');

describe('Retry-After', () => {
  it('reads whole seconds', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left until then', () => {
    expect(retryAfterMs('Sun, 06 Dec 2026 10:00:30 GMT', NOW)).toBe(30_000);
  });

  it('treats a date already past as "now", never as a negative wait', () => {
    expect(retryAfterMs('Sun, 06 Dec 2026 09:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is absent or unreadable, including negative numbers', () => {
    expect([retryAfterMs(null, NOW), retryAfterMs('', NOW), retryAfterMs('soon', NOW), retryAfterMs('-5', NOW)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
