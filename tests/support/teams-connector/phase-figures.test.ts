import { describe, expect, it } from 'vitest';
import { ConnectorModel, type RecordedRequest } from './connector-model.js';
import { maxInOneSecond, maxInOneSecondAsStamped, phaseFigures } from './phase-figures.js';

describe('figures by phase', () => {
  it('counts only the requests of the phase, and agree with the live figures over the whole run', () => {
    let now = 0;
    const model = new ConnectorModel({ now: () => now });
    const send = (at: number, conversationId: string, tenantId = 't1') => {
      now = at;
      model.answer({ kind: 'send', tenantId, conversationId });
    };
    // First second: 30 requests to 30 conversations. Second: 8 to one conversation (one over its limit), 30 more, 1 to another tenant.
    for (let i = 0; i < 30; i++) send(i * 10, `a:c${i}`);
    for (let i = 0; i < 8; i++) send(1_300 + i, 'a:hot');
    for (let i = 0; i < 30; i++) send(1_400 + i, `a:d${i}`);
    send(1_500, 'a:other-tenant', 't2');

    const second = phaseFigures(model.log, 1_000, 2_000);
    expect(second).toMatchObject({
      requests: 39,
      accepted: 38,
      throttledOverLimit: 1,
      conversationViolations: 1,
      maxRequestsInOneSecond: 38,
    });
    expect(second.requestRatioToLimit).toBe(0.78);
    const whole = phaseFigures(model.log, 0, 2_000);
    expect(whole.maxRequestsInOneSecond).toBe(model.stats.maxRequestsInOneSecond);
    expect(whole).toMatchObject({
      requests: model.stats.requests,
      throttledOverLimit: model.stats.throttledOverLimit,
      conversationViolations: model.stats.conversationViolations,
    });
  });

  it('counts a request the connector got to late only in the windows that hold every moment it can have arrived', () => {
    const request = (at: number, earliest: number, i: number): RecordedRequest => ({
      kind: 'send',
      tenantId: 't1',
      conversationId: `a:c${i}`,
      at,
      earliest,
      status: 200,
      reason: 'accepted',
    });
    // 30 that arrived while the loop stalled for 1.1 s, got to at 1,500 ms; then 30 on time.
    const log = [
      ...Array.from({ length: 30 }, (_, i) => request(1_500, 400, i)),
      ...Array.from({ length: 30 }, (_, i) => request(1_600 + i, 1_600 + i, 30 + i)),
    ];
    expect(maxInOneSecondAsStamped(log)).toBe(60);
    expect(maxInOneSecond(log)).toBe(30);
  });
});
