import type { RecordedRequest } from './connector-model.js';

export interface PhaseFigures {
  requests: number;
  accepted: number;
  /** Requests per second over the phase, every request counted, against Teams' 50 per tenant. */
  requestRatioToLimit: number;
  /** The most requests to one tenant certainly within any one-second window that lies in the phase. */
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

/**
 * The most requests to one tenant certainly within one second (see `ConnectorStats`): in the window
 * that ends when the connector got to a request, those it got to by then whose earliest possible
 * arrival is inside it.
 */
export function maxInOneSecond(requests: readonly RecordedRequest[]): number {
  const byTenant = new Map<string, RecordedRequest[]>();
  for (const r of requests) {
    let of = byTenant.get(r.tenantId);
    if (!of) byTenant.set(r.tenantId, (of = []));
    of.push(r);
  }
  let most = 0;
  for (const of of byTenant.values()) {
    of.sort((a, b) => a.at - b.at);
    for (let i = 0; i < of.length; i++) {
      const from = of[i]!.at - 1000;
      let inWindow = 0;
      // A request got to before the window opened cannot have arrived in it.
      for (let k = i; k >= 0 && of[k]!.at > from; k--) if (of[k]!.earliest > from) inWindow++;
      most = Math.max(most, inWindow);
    }
  }
  return most;
}

/** The same by the time the connector got to each request, its own pauses included. */
export function maxInOneSecondAsStamped(requests: readonly RecordedRequest[]): number {
  return maxInOneSecond(requests.map((r) => ({ ...r, earliest: r.at })));
}
