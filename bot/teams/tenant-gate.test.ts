import { describe, expect, it } from 'vitest';
import { isTenantAllowed } from './tenant-gate.js';

const A = '11111111-1111-1111-1111-111111111111';
const B = '22222222-2222-2222-2222-222222222222';

describe('isTenantAllowed', () => {
  it.each([
    ['no allow-list: any tenant', undefined, B, true],
    ['no allow-list: even a missing tenant (local clients may omit it)', undefined, undefined, true],
    ['on the list', [A], A, true],
    ['on the list, upper-case in the activity', [A], A.toUpperCase(), true],
    ['another tenant', [A], B, false],
    ['an activity naming no tenant', [A], undefined, false],
    ['an empty id', [A], '', false],
  ] as const)('%s', (_case, allowed, tenant, expected) => {
    expect(isTenantAllowed(allowed, tenant)).toBe(expected);
  });
});
