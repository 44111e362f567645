import type { Logger } from 'pino';
import type { SendBudgetStore, TenantBudgetRows } from '../store/send-budget-store.js';

/** A tenant's "throttled until" as one instance of the fleet budget holds it. */
export interface ThrottleState {
  tenantId: string;
  /** The later of the stored "throttled until" and any 429 this instance was answered. */
  throttledUntil: number;
  /** The stored throttle as last read (its ETag for the next conditional write). */
  storedThrottle: TenantBudgetRows['throttle'];
  throttleWrite: Promise<void> | undefined;
}

/** What a read of the tenant's partition found: a later stored throttle holds this instance too. */
export function readThrottle(state: ThrottleState, stored: TenantBudgetRows['throttle']): void {
  state.storedThrottle = stored;
  if (stored && stored.untilMs > state.throttledUntil) state.throttledUntil = stored.untilMs;
}

/**
 * Writes this instance's throttle to the tenant's partition for the others, unless a later one is
 * there; one write at a time per tenant (a later 429 meanwhile is written by the next renewal).
 */
export function shareThrottle(store: SendBudgetStore, logger: Logger, state: ThrottleState): Promise<void> {
  return (state.throttleWrite ??= writeThrottle(store, logger, state).finally(() => (state.throttleWrite = undefined)));
}

async function writeThrottle(store: SendBudgetStore, logger: Logger, state: ThrottleState): Promise<void> {
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = state.storedThrottle;
      if (stored && stored.untilMs >= state.throttledUntil) return;
      const untilMs = state.throttledUntil;
      const etag = await store.throttle(state.tenantId, untilMs, stored?.etag);
      if (etag !== undefined) return void (state.storedThrottle = { untilMs, etag });
      // Another instance wrote it meanwhile: read what it wrote and keep the later.
      readThrottle(state, (await store.read(state.tenantId)).throttle);
    }
  } catch (error) {
    // The next renewal writes it again.
    logger.warn({ err: error, tenantId: state.tenantId }, 'could not share a throttle');
  }
}
