import { describe, expect, it } from 'vitest';
import { ConversationLimits, TEAMS_CONVERSATION_LIMITS } from './conversation-limits.js';

/** The most of `times` (sorted) in any window [t, t + spanMs). */
function mostInAnyWindow(times: number[], spanMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= spanMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** A sender that sends to one conversation the moment the windows allow, until `untilMs`. */
function sendGreedily(limits: ConversationLimits, id: string, untilMs: number, from = 0, share = 1): number[] {
  const times: number[] = [];
  let now = from;
  while (now < untilMs) {
    const at = limits.nextFreeAt(id, now, share);
    if (at >= untilMs) break;
    limits.hold(id);
    limits.spend(id, at);
    times.push(at);
    now = at;
  }
  return times;
}

describe('ConversationLimits', () => {
  it('never lets more than Teams allows into any 1 s, 2 s, 30 s or hour window, and reaches each limit', () => {
    const times = sendGreedily(new ConversationLimits(), 'a:1', 2 * 3_600_000);
    for (const { spanMs, limit } of TEAMS_CONVERSATION_LIMITS) expect(mostInAnyWindow(times, spanMs)).toBe(limit);
    expect(times.filter((t) => t < 1_000)).toHaveLength(7);
    expect(times.filter((t) => t < 2_000)).toHaveLength(8);
    expect(times.filter((t) => t < 30_000)).toHaveLength(60);
    expect(times.filter((t) => t < 3_600_000)).toHaveLength(1_800);
  });

  it('cuts every limit to a sender’s share, so senders sharing the budget stay within each window together', () => {
    // Three instances holding 4, 3 and 3 of the tenant's ten slices, each sending to one channel thread as fast as it may.
    const times = [0.4, 0.3, 0.3]
      .flatMap((share) => sendGreedily(new ConversationLimits(), '19:c;messageid=1', 2 * 3_600_000, 0, share))
      .sort((a, b) => a - b);
    for (const { spanMs, limit } of TEAMS_CONVERSATION_LIMITS) expect(mostInAnyWindow(times, spanMs)).toBeLessThanOrEqual(limit);
    // 2 + 2 + 2 of the 7 in the first second: none is shut out.
    expect(times.filter((t) => t < 1_000)).toHaveLength(6);
    // A share too small for a whole request still sends one.
    expect(sendGreedily(new ConversationLimits(), 'a:1', 1_000, 0, 0.1)).toHaveLength(1);
  });

  it('keeps each conversation to its own windows', () => {
    const limits = new ConversationLimits();
    expect(sendGreedily(limits, 'a:1', 1_000)).toHaveLength(7);
    expect(limits.nextFreeAt('a:1', 500)).toBeGreaterThan(500);
    expect(limits.nextFreeAt('a:2', 500)).toBe(500);
  });

  it('counts a slot handed out as sent until it is spent or given back', () => {
    const limits = new ConversationLimits([{ spanMs: 1_000, limit: 2 }]);
    limits.hold('a:1');
    limits.hold('a:1');
    expect(limits.nextFreeAt('a:1', 0)).toBe(Infinity);
    limits.giveBack('a:1', 10);
    expect(limits.nextFreeAt('a:1', 10)).toBe(10);
    limits.spend('a:1', 20);
    limits.hold('a:1');
    // One sent, one held: the window frees when the sent one leaves it.
    expect(limits.nextFreeAt('a:1', 30)).toBe(1_020);
    limits.hold('a:1');
    expect(limits.nextFreeAt('a:1', 30)).toBe(Infinity);
    limits.giveBack('a:1', 35);
    limits.spend('a:1', 40);
    expect(limits.nextFreeAt('a:1', 50)).toBe(1_020);
  });

  it('widens every window by the margin', () => {
    const limits = new ConversationLimits([{ spanMs: 1_000, limit: 1 }], 25);
    limits.hold('a:1');
    limits.spend('a:1', 0);
    expect(limits.nextFreeAt('a:1', 1_000)).toBe(1_025);
  });

  it('forgets a conversation’s timestamps once no short window needs them, and still counts its hour', () => {
    const limits = new ConversationLimits([
      { spanMs: 30_000, limit: 60 },
      { spanMs: 3_600_000, limit: 3 },
    ]);
    for (let i = 0; i < 1_000; i++) {
      limits.hold(`a:${i}`);
      limits.spend(`a:${i}`, i);
    }
    limits.hold('a:hot');
    limits.spend('a:hot', 0);
    limits.hold('a:hot');
    limits.spend('a:hot', 1);
    limits.hold('a:hot');
    limits.spend('a:hot', 2);
    expect(limits.size).toBe(1_001);
    limits.forget(31_000);
    expect(limits.size).toBe(0);
    // The hour is counted in a table of fixed size: the hot conversation is still full.
    expect(limits.nextFreeAt('a:hot', 31_000)).toBeGreaterThanOrEqual(3_600_000);
  });
});
