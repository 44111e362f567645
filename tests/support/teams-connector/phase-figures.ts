import type { RecordedRequest } from './connector-model.js';

export interface PhaseFigures {
  requests: number;
  accepted: number;
  /** Requests per second over the phase, every request counted, against Teams' 50 per tenant. */
  requestRatioToLimit: number;
  /** The most requests to one tenant in any one-second window that lies in the phase. */
  maxRequestsInOneSecond: number;
  throttledOverLimit: number;
  conversationViolations: number;
  injected429: number;
  injected5xx: number;
}

/**
 * The connector's figures for the requests that arrived from `fromMs` (inclusive) to `toMs`
 * (exclusive), for a benchmark that reports by phase (an instance joining, one killed…).
 */
export function phaseFigures(log: readonly RecordedRequest[], fromMs: number, toMs: number, limitPerSecond = 50): PhaseFigures {
  const inPhase = log.filter((r) => r.at >= fromMs && r.at < toMs);
  const count = (reason: RecordedRequest['reason']) => inPhase.filter((r) => r.reason === reason).length;
  const seconds = (toMs - fromMs) / 1000;
  return {
    requests: inPhase.length,
    accepted: count('accepted'),
    requestRatioToLimit: seconds > 0 ? Math.round((inPhase.length / seconds / limitPerSecond) * 1000) / 1000 : 0,
    maxRequestsInOneSecond: maxInOneSecond(inPhase),
    throttledOverLimit: count('overLimit'),
    conversationViolations: inPhase.filter((r) => r.exceeded?.some((name) => name !== 'tenant1s')).length,
    injected429: count('burst429'),
    injected5xx: count('injected5xx'),
  };
}

/** The most requests to one tenant in any window of one second (arrivals after `t − 1000` up to `t`). */
export function maxInOneSecond(requests: readonly RecordedRequest[]): number {
  const byTenant = new Map<string, number[]>();
  for (const r of requests) {
    let times = byTenant.get(r.tenantId);
    if (!times) byTenant.set(r.tenantId, (times = []));
    times.push(r.at);
  }
  let most = 0;
  for (const times of byTenant.values()) {
    times.sort((a, b) => a - b);
    let first = 0;
    for (let i = 0; i < times.length; i++) {
      while (times[first]! <= times[i]! - 1000) first++;
      most = Math.max(most, i - first + 1);
    }
  }
  return most;
}
