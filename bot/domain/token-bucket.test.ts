import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

function sendsIn(bucket: TokenBucket, fromMs: number, toMs: number, stepMs = 1): number {
  let sent = 0;
  for (let t = fromMs; t < toMs; t += stepMs) {
    while (bucket.tryTake(t).ok) sent++;
  }
  return sent;
}

describe('TokenBucket', () => {
  it('holds a steady rate over time, after the initial burst', () => {
    const bucket = new TokenBucket(50, 5, 0);
    expect(sendsIn(bucket, 0, 10_000)).toBe(5 + 500 - 1);
  });

  it('never lets more than the rate through in any one second once warmed up', () => {
    const bucket = new TokenBucket(50, 1, 0);
    const times: number[] = [];
    for (let t = 0; t < 5000; t++) while (bucket.tryTake(t).ok) times.push(t);
    for (let start = 0; start < 4000; start += 100) {
      expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(51);
    }
  });

  it('says how long to wait, and honours a pause for Retry-After', () => {
    const bucket = new TokenBucket(10, 1, 0);
    expect(bucket.tryTake(0).ok).toBe(true);
    expect(bucket.tryTake(0)).toEqual({ ok: false, waitMs: 100 });
    bucket.pauseUntil(2000);
    expect(bucket.tryTake(1500)).toEqual({ ok: false, waitMs: 500 });
    expect(bucket.tryTake(2000).ok).toBe(true);
  });

  it('follows a new share of the rate when instances come and go', () => {
    const bucket = new TokenBucket(50, 1, 0);
    bucket.setRate(25, 0);
    expect(sendsIn(bucket, 0, 2000)).toBeLessThanOrEqual(51);
  });
});

describe('TokenBucket reservations', () => {
  it('paces many waiting senders evenly at the rate', () => {
    const bucket = new TokenBucket(50, 1, 0);
    const waits = Array.from({ length: 100 }, () => bucket.reserve(0));
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBe(20);
    expect(waits[99]).toBe(1980);
    // No one-second window holds more than 50 sends.
    for (let start = 0; start < 1000; start += 10) {
      expect(waits.filter((w) => w >= start && w < start + 1000).length).toBeLessThanOrEqual(50);
    }
  });
});
