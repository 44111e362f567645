import { ConversationLimits, TEAMS_CONVERSATION_LIMITS, type WindowLimit } from '../domain/conversation-limits.js';
import type { SendBudget } from './send-budget.js';

/** Where one request to Teams goes: the tenant whose budget it spends and the conversation whose windows it fills. */
export interface PacerKey {
  tenantId: string;
  conversationId: string;
}

/** Leave to send one request. */
export interface Slot {
  readonly key: PacerKey;
  /** The request goes out now: from this moment it counts, whatever Teams answers. */
  spend(): void;
  /** The request will not go after all; the slot frees. Nothing once spent. */
  giveBack(): void;
}

export interface OutboundPacerOptions {
  budget: SendBudget;
  /** Each conversation's windows (Teams': 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per hour). */
  limits?: readonly WindowLimit[];
  /**
   * Widens every window, the tenant's one second included: a request counted here reaches Teams a
   * moment later, and two requests must not land closer together there than they were counted.
   */
  marginMs?: number;
  now?: () => number;
}

/** The conversation a first-contact send creates, before Teams has named it: one per member. */
export function newConversationId(memberId: string): string {
  return `new:${memberId}`;
}

const TENANT_SPAN_MS = 1_000;
/**
 * Every window is counted this much wider than Teams' own: a request is counted as it leaves, and
 * Teams counts it as it arrives, a little later and bunched by pauses on either side. Measured on
 * `fanout`: at 25 ms, 52 requests reached the connector in one second (3 refused as over the limit)
 * at 0.934 of the limit; at 60 ms, never more than 50 and none refused, at 0.92. But a fleet round
 * saw 51 at 60 ms twice, with the receiving side's clock up to 66 ms late: 100 ms covers that,
 * and caps a steady rate at 50 / 1.1 = 0.909 of the limit.
 */
const DEFAULT_MARGIN_MS = 100;
const FORGET_EVERY_MS = 5_000;
/** How often the pacer looks at the event loop while requests are being paced (see `noticeStall`). */
const TURN_WATCH_MS = 20;
/** Refusals within a second that hold the whole tenant: at least this many… */
const TENANT_REFUSALS_AT_LEAST = 3;
/** …and at least one in this many of the tenant's requests. */
const TENANT_REFUSAL_SHARE = 2;

interface Waiter {
  key: PacerKey;
  resolve: (slot: Slot) => void;
}

/** One tenant's requests waiting for their turn. */
interface TenantLine {
  /** Conversations with requests waiting, in the order they take turns. */
  turns: string[];
  waiting: Map<string, Waiter[]>;
  /** Conversations whose windows are full, and when they free (Infinity: when a held slot is spent or given back). */
  resting: Map<string, number>;
  /** When the tenant's requests went out within the last window. */
  recent: number[];
  /** Slots handed out whose requests have not gone yet: they count as going now. */
  outstanding: number;
  /** Conversations Teams answered 429, until their Retry-After. */
  heldUntil: Map<string, number>;
  /** When Teams answered 429 within the last second. */
  refusals: number[];
  /** When the last slot was due by the rate: the next is due one interval later. */
  lastSlotAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  timerAt: number;
}

/**
 * Every request to Teams waits here for its turn, under two limits: the tenant's budget (a rate
 * from the `SendBudget`, this instance's share of the app's 50 a second; nothing while Teams has
 * throttled the tenant) and the conversation's own windows. Requests wait in a line per tenant,
 * conversations taking turns, and a pump lets the next one go when the rate allows. Nothing is
 * booked ahead: a new rate or a throttle applies to the very next request.
 *
 * A slot counts from the moment it is handed out until its request goes, and from then on in every
 * window by the time it went, refused by Teams or not. A conversation whose windows are full rests
 * aside, so it never holds up the others.
 */
export class OutboundPacer {
  private readonly lines = new Map<string, TenantLine>();
  private readonly conversations: ConversationLimits;
  private readonly marginMs: number;
  private readonly now: () => number;
  private readonly unsubscribe: () => void;
  private lastForget = 0;
  /** When the pacer last saw the event loop turn, and the timer that looks while requests are paced. */
  private lastTurnAt: number | undefined;
  private turnWatch: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: OutboundPacerOptions) {
    this.marginMs = options.marginMs ?? DEFAULT_MARGIN_MS;
    this.now = options.now ?? Date.now;
    this.conversations = new ConversationLimits(options.limits ?? TEAMS_CONVERSATION_LIMITS, this.marginMs);
    this.unsubscribe = options.budget.onChange(() => {
      for (const tenantId of [...this.lines.keys()]) this.pump(tenantId);
    });
  }

  /** Resolves when one request to the conversation may go; the caller spends the slot as it sends. */
  acquire(key: PacerKey): Promise<Slot> {
    const line = this.lineOf(key.tenantId);
    return new Promise<Slot>((resolve) => {
      const queue = line.waiting.get(key.conversationId);
      if (queue) queue.push({ key, resolve });
      else {
        line.waiting.set(key.conversationId, [{ key, resolve }]);
        if (!line.resting.has(key.conversationId)) line.turns.push(key.conversationId);
      }
      this.pump(key.tenantId);
    });
  }

  /**
   * Teams answered 429 to a request to `key`: that conversation waits `retryAfterMs`. Teams does not
   * say which limit it applied, and refuses a few requests now and then whatever the load: when
   * refusals become a pattern (at least three, and half the tenant's requests in the last second), the whole tenant waits, on every instance (`SendBudget.throttle`).
   */
  throttled(key: PacerKey, retryAfterMs: number): void {
    const now = this.now();
    const until = now + retryAfterMs;
    const line = this.lineOf(key.tenantId);
    line.heldUntil.set(key.conversationId, Math.max(until, line.heldUntil.get(key.conversationId) ?? 0));
    line.refusals.push(now);
    const from = now - TENANT_SPAN_MS;
    while (line.refusals.length > 0 && line.refusals[0]! <= from) line.refusals.shift();
    const requests = this.trimRecent(line, now);
    if (line.refusals.length >= TENANT_REFUSALS_AT_LEAST && line.refusals.length * TENANT_REFUSAL_SHARE >= requests)
      this.options.budget.throttle(key.tenantId, until);
    this.pump(key.tenantId);
  }

  /** How many requests wait (all tenants). */
  get waiting(): number {
    let n = 0;
    for (const line of this.lines.values()) for (const q of line.waiting.values()) n += q.length;
    return n;
  }

  /** Stops listening to the budget and drops the pump's timers; waiting requests stay waiting. */
  close(): void {
    this.unsubscribe();
    for (const line of this.lines.values()) clearTimeout(line.timer);
    this.watchTurns(false);
  }

  private lineOf(tenantId: string): TenantLine {
    let line = this.lines.get(tenantId);
    if (!line) {
      line = {
        turns: [],
        waiting: new Map(),
        resting: new Map(),
        recent: [],
        outstanding: 0,
        heldUntil: new Map(),
        refusals: [],
        lastSlotAt: -Infinity,
        timer: undefined,
        timerAt: Infinity,
      };
      this.lines.set(tenantId, line);
      this.watchTurns(true);
    }
    return line;
  }

  private watchTurns(on: boolean): void {
    if (on && !this.turnWatch) {
      this.lastTurnAt = this.now();
      this.turnWatch = setInterval(() => this.noticeStall(this.now()), TURN_WATCH_MS);
      this.turnWatch.unref?.();
    } else if (!on && this.turnWatch) {
      clearInterval(this.turnWatch);
      this.turnWatch = undefined;
      this.lastTurnAt = undefined;
    }
  }

  /**
   * A request is counted as it is spent, and reaches the wire on one of the event loop's next
   * turns. When the loop stalls just after (a long collection, a starved CPU), the requests spent
   * in its last turns leave only when it resumes, beside those let go then, and Teams counts them
   * all in one second: they are counted again from the moment the loop resumed. Measured in the
   * fleet test under load: requests reached the connector up to 1.4 s after they were spent.
   */
  private noticeStall(now: number): void {
    const last = this.lastTurnAt;
    this.lastTurnAt = now;
    if (last === undefined || now - last <= TURN_WATCH_MS + this.marginMs) return;
    const from = last - TURN_WATCH_MS;
    for (const line of this.lines.values())
      for (let k = line.recent.length - 1; k >= 0 && line.recent[k]! >= from; k--) line.recent[k] = now;
  }

  /** Lets go every request whose turn it is now, then sets the timer for the next. */
  private pump(tenantId: string): void {
    const line = this.lines.get(tenantId);
    if (!line) return;
    clearTimeout(line.timer);
    line.timer = undefined;
    line.timerAt = Infinity;
    const budget = this.options.budget;
    this.noticeStall(this.now());
    for (;;) {
      const now = this.now();
      this.forgetOld(now);
      for (const [conversationId, at] of line.resting) {
        if (at > now) continue;
        line.resting.delete(conversationId);
        if (line.waiting.has(conversationId)) line.turns.push(conversationId);
      }
      if (line.turns.length === 0) {
        const next = Math.min(...line.resting.values());
        if (Number.isFinite(next)) this.wakeAt(tenantId, line, next, now);
        else if (line.waiting.size === 0 && line.outstanding === 0 && line.heldUntil.size === 0 && this.trimRecent(line, now) === 0) {
          this.lines.delete(tenantId);
          if (this.lines.size === 0) this.watchTurns(false);
        }
        return;
      }
      const throttledUntil = budget.throttledUntil(tenantId, now);
      if (throttledUntil > now) return this.wakeAt(tenantId, line, throttledUntil, now);
      const rate = budget.rateFor(tenantId, now);
      // No share of the budget: the budget's change wakes the line.
      if (!(rate > 0)) return;
      const spanMs = TENANT_SPAN_MS + this.marginMs;
      const interval = spanMs / rate;
      const dueAt = line.lastSlotAt + interval;
      if (now < dueAt) return this.wakeAt(tenantId, line, dueAt, now);
      const windowFreeAt = this.tenantFreeAt(line, Math.max(1, Math.floor(rate)), now);
      if (windowFreeAt > now) {
        // Infinity: every place in the window is a slot not yet spent; spending or giving one back wakes the line.
        if (Number.isFinite(windowFreeAt)) this.wakeAt(tenantId, line, windowFreeAt, now);
        return;
      }
      const conversationId = line.turns.shift()!;
      const windowKey = windowKeyOf(tenantId, conversationId);
      const freeAt = Math.max(
        this.conversations.nextFreeAt(windowKey, now, budget.shareOf(tenantId, now)),
        this.heldUntil(line, conversationId, now),
      );
      if (freeAt > now) {
        line.resting.set(conversationId, freeAt);
        continue;
      }
      const queue = line.waiting.get(conversationId)!;
      const waiter = queue.shift()!;
      if (queue.length > 0) line.turns.push(conversationId);
      else line.waiting.delete(conversationId);
      // A timer that fired a little late does not lose the rate; a line that was idle does not bank it.
      line.lastSlotAt = now - dueAt < interval ? dueAt : now;
      line.outstanding++;
      this.conversations.hold(windowKey);
      waiter.resolve(this.slotFor(waiter.key));
    }
  }

  private slotFor(key: PacerKey): Slot {
    let done = false;
    const finish = (spent: boolean) => {
      if (done) return;
      done = true;
      const now = this.now();
      const line = this.lineOf(key.tenantId);
      line.outstanding = Math.max(0, line.outstanding - 1);
      const windowKey = windowKeyOf(key.tenantId, key.conversationId);
      if (spent) {
        line.recent.push(now);
        this.conversations.spend(windowKey, now);
      } else this.conversations.giveBack(windowKey, now);
      // The conversation may have rested for want of this slot: it is looked at again.
      if (line.resting.has(key.conversationId)) line.resting.set(key.conversationId, now);
      this.pump(key.tenantId);
    };
    return { key, spend: () => finish(true), giveBack: () => finish(false) };
  }

  /** When the tenant's own one-second window has room for one more, counting the slots not yet spent. */
  private tenantFreeAt(line: TenantLine, limit: number, now: number): number {
    const inWindow = this.trimRecent(line, now);
    const over = inWindow + line.outstanding - limit + 1;
    if (over <= 0) return now;
    if (over > inWindow) return Infinity;
    return line.recent[over - 1]! + TENANT_SPAN_MS + this.marginMs;
  }

  private trimRecent(line: TenantLine, now: number): number {
    const from = now - TENANT_SPAN_MS - this.marginMs;
    let drop = 0;
    while (drop < line.recent.length && line.recent[drop]! <= from) drop++;
    if (drop > 0) line.recent.splice(0, drop);
    return line.recent.length;
  }

  private heldUntil(line: TenantLine, conversationId: string, now: number): number {
    const until = line.heldUntil.get(conversationId) ?? 0;
    if (until <= now) line.heldUntil.delete(conversationId);
    return until;
  }

  private wakeAt(tenantId: string, line: TenantLine, at: number, now: number): void {
    if (line.timer && line.timerAt <= at) return;
    clearTimeout(line.timer);
    line.timerAt = at;
    line.timer = setTimeout(() => this.pump(tenantId), Math.max(0, Math.ceil(at - now)));
  }

  private forgetOld(now: number): void {
    if (now - this.lastForget < FORGET_EVERY_MS) return;
    this.lastForget = now;
    this.conversations.forget(now);
    for (const line of this.lines.values()) for (const [id, until] of line.heldUntil) if (until <= now) line.heldUntil.delete(id);
  }
}

function windowKeyOf(tenantId: string, conversationId: string): string {
  return `${tenantId}\u0000${conversationId}`;
}
