import type { AddressInfo } from 'node:net';
import express from 'express';

export interface LimitedConnectorOptions {
  /** App-wide limit (Teams: 50 requests per second per tenant). */
  appPerSecond: number;
  /** Per-conversation limit (Teams: 7 per second). */
  conversationPerSecond: number;
  /** Share of requests answered 429 with Retry-After regardless of load. */
  inject429: number;
  /** Share answered 502/503. */
  inject5xx: number;
  retryAfterSeconds: number;
  random?: () => number;
}

export interface ConnectorStats {
  requests: number;
  throttledOverLimit: number;
  injected429: number;
  injected5xx: number;
  /** Successful check-in deliveries per conversation. */
  deliveries: Map<string, number>;
  firstDeliveryAt: number | undefined;
  lastDeliveryAt: number | undefined;
  /** Accepted deliveries per whole second since the first: where a run was slow. */
  perSecond: number[];
}

/**
 * A local Bot Connector that behaves like Teams under load: it enforces the app-wide and
 * per-conversation rates over sliding one-second windows (429 with Retry-After beyond them)
 * and injects throttling and server errors, while recording every delivery.
 */
export async function startLimitedConnector(options: LimitedConnectorOptions) {
  const random = options.random ?? Math.random;
  const stats: ConnectorStats = {
    requests: 0,
    throttledOverLimit: 0,
    injected429: 0,
    injected5xx: 0,
    deliveries: new Map(),
    firstDeliveryAt: undefined,
    lastDeliveryAt: undefined,
    perSecond: [],
  };
  const appWindow: number[] = [];
  const conversationWindows = new Map<string, number[]>();
  const within = (window: number[], now: number) => {
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    return window;
  };

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  // A proactive message continues the conversation as a reply, so both paths are sends.
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:activityId'], (req, res) => {
    const now = Date.now();
    const conversationId = String(req.params.conversationId);
    stats.requests++;
    const appRecent = within(appWindow, now);
    const convRecent = within(conversationWindows.get(conversationId) ?? [], now);
    conversationWindows.set(conversationId, convRecent);
    if (appRecent.length >= options.appPerSecond || convRecent.length >= options.conversationPerSecond) {
      stats.throttledOverLimit++;
      return void res
        .status(429)
        .set('Retry-After', String(options.retryAfterSeconds))
        .json({ error: { code: 'Throttled', message: 'Too many requests' } });
    }
    // Refused requests do not use up the budget: only accepted messages count against the limits.
    const roll = random();
    if (roll < options.inject429) {
      stats.injected429++;
      return void res
        .status(429)
        .set('Retry-After', String(options.retryAfterSeconds))
        .json({ error: { code: 'Throttled', message: 'Injected' } });
    }
    if (roll < options.inject429 + options.inject5xx) {
      stats.injected5xx++;
      return void res.status(random() < 0.5 ? 502 : 503).json({ error: { code: 'ServiceError', message: 'Injected' } });
    }
    appRecent.push(now);
    convRecent.push(now);
    stats.deliveries.set(conversationId, (stats.deliveries.get(conversationId) ?? 0) + 1);
    stats.firstDeliveryAt ??= now;
    stats.lastDeliveryAt = now;
    const second = Math.floor((now - stats.firstDeliveryAt) / 1000);
    stats.perSecond[second] = (stats.perSecond[second] ?? 0) + 1;
    res.status(200).json({ id: `activity-${stats.requests}` });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    stats,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
