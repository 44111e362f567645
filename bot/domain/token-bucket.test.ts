import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

/** When each of `count` senders, all asking at `at`, gets to send. */
function sendTimes(bucket: TokenBucket, count: number, at = 0): number[] {
  return Array.from({ length: count }, () => at + bucket.reserve(at));
}

function maxInAnySecond(times: number[]): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
}

describe('TokenBucket', () => {
  it('paces many waiting senders evenly at the rate', () => {
    const times = sendTimes(new TokenBucket(50, 1, 0), 100);
    expect(times.slice(0, 3)).toEqual([0, 20, 40]);
    expect(times[99]).toBe(1980);
    expect(maxInAnySecond(times)).toBe(50);
  });

  it('lets a burst through at once, then falls back to the rate', () => {
    const times = sendTimes(new TokenBucket(50, 5, 0), 10);
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(times.slice(5)).toEqual([20, 40, 60, 80, 100]);
  });

  it('does not save up unused time beyond the burst', () => {
    const bucket = new TokenBucket(50, 1, 0);
    // Idle for ten seconds: the next senders are still paced, not let through all at once.
    expect(sendTimes(bucket, 3, 10_000)).toEqual([10_000, 10_020, 10_040]);
  });

  it('follows a new share of the rate when instances come and go', () => {
    const bucket = new TokenBucket(50, 1, 0);
    bucket.setRate(25);
    const times = sendTimes(bucket, 60);
    expect(times[1]! - times[0]!).toBe(40);
    expect(maxInAnySecond(times)).toBe(25);
  });
});
