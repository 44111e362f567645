import { describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { pino } from 'pino';
import { TENANT_REFUSAL, isTenantAllowed, refuseTenant } from './tenant-gate.js';

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

describe('refuseTenant', () => {
  const say = (type: string, locale: string) => {
    const sent: unknown[] = [];
    const context = { activity: { type, locale, conversation: { tenantId: B } }, sendActivity: async (a: unknown) => void sent.push(a) };
    // A TurnContext with only what the refusal reads and writes.
    return refuseTenant(context as unknown as TurnContext, pino({ enabled: false })).then(() => sent);
  };

  it('tells a person from another organisation why, in their language', async () => {
    expect(await say('message', 'es-ES')).toEqual([
      expect.objectContaining({ text: expect.stringContaining('Learning Loop no está configurado para tu organización') }),
    ]);
    expect(await say('message', 'en-GB')).toEqual([expect.objectContaining({ text: TENANT_REFUSAL })]);
    expect(await say('invoke', 'ar-SA')).toEqual([
      expect.objectContaining({
        value: { status: 403, body: { code: 'Forbidden', message: expect.stringContaining('لم يُعدّ Learning Loop لمؤسستك') } },
      }),
    ]);
  });
});
