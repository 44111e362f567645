import { CONVERSATION_LIMITS, RequestWindows, TENANT_LIMITS, type LimitName, type WindowLimit } from './limits.js';

/** What the bot asked the connector to do. */
export type RequestKind = 'create' | 'send' | 'update';

export interface ConnectorRequest {
  kind: RequestKind;
  tenantId: string;
  /** The conversation sent to, updated in, or (for `create`) the one being created. */
  conversationId: string;
  /** What identifies the card sent (a digest of its content): the same card twice in one conversation is a duplicate. */
  card?: string | undefined;
}

/** Why the connector answered as it did. */
export type AnswerReason = 'accepted' | 'overLimit' | 'burst429' | 'injected5xx' | 'scripted';

export interface ConnectorAnswer {
  status: number;
  reason: AnswerReason;
  /** The `Retry-After` header: whole seconds, or an HTTP date. */
  retryAfter?: string;
  /** The error code in the body, as Teams words it. */
  code?: string;
}

/** An answer a test asks for: the status, and what Teams sends with it. */
export interface ScriptedAnswer {
  status: number;
  retryAfter?: string;
  code?: string;
}

/** The answers Teams gives that a sender must tell apart. */
export const scripted = {
  /** 429 with `Retry-After` in whole seconds. */
  throttled: (seconds: number): ScriptedAnswer => ({ status: 429, retryAfter: String(seconds), code: 'Throttled' }),
  /** 429 with `Retry-After` as an HTTP date (whole seconds, as HTTP dates are). */
  throttledUntil: (date: Date): ScriptedAnswer => ({ status: 429, retryAfter: date.toUTCString(), code: 'Throttled' }),
  serverError: (status: 500 | 502 | 503 | 504 = 503): ScriptedAnswer => ({ status, code: 'ServiceError' }),
  /** The person blocked the bot. */
  blocked: (): ScriptedAnswer => ({ status: 403, code: 'MessageWritesBlocked' }),
  /** The conversation no longer exists. */
  notFound: (): ScriptedAnswer => ({ status: 404, code: 'ConversationNotFound' }),
};

export interface InjectedFailures {
  /** Chance, per request, that a burst of 429s begins for the request's tenant (0 for none). */
  burstChance: number;
  /** A burst's `Retry-After`, in whole seconds drawn evenly from this range: the tenant answers 429 until it ends. */
  burstRetryAfterSeconds: readonly [number, number];
  /** Share of requests answered 502 or 503 (0 for none). */
  serverErrorRate: number;
  /** Share of requests answered 429 on their own, with `Retry-After` drawn from `burstRetryAfterSeconds` (0 for none). */
  throttleRate: number;
}

export const NO_INJECTED_FAILURES: InjectedFailures = {
  burstChance: 0,
  burstRetryAfterSeconds: [1, 10],
  serverErrorRate: 0,
  throttleRate: 0,
};

export interface RecordedRequest extends ConnectorRequest {
  /** When the connector got to it (ms): its arrival, or later when the connector's own loop was late. */
  at: number;
  /** The earliest it can have arrived: `at`, unless the connector's loop may have kept it waiting. */
  earliest: number;
  status: number;
  reason: AnswerReason;
  /** The limits it found used up (over-limit answers only). */
  exceeded?: LimitName[];
}

export interface TenantFigures {
  requests: number;
  /** Most requests to the tenant certainly within any one-second window (sliding, every request counted). */
  maxRequestsInOneSecond: number;
}

/** What a benchmark reads: every count is of requests, refused ones included. */
export interface ConnectorStats {
  requests: number;
  byKind: Record<RequestKind, number>;
  accepted: number;
  /** 429s answered because a limit was exceeded. */
  throttledOverLimit: number;
  /** 429s answered in an injected burst, whatever the load. */
  injected429: number;
  injected5xx: number;
  /** Answers a test asked for. */
  scripted: number;
  /**
   * The worst tenant's most requests certainly within one second: a request the connector's late
   * loop may have kept waiting counts only in the windows that hold its whole span of possible
   * arrivals. A lower bound on what Teams would have counted; exact when the loop was on time.
   */
  maxRequestsInOneSecond: number;
  /** The same by the time the connector got to each request: an upper bound, bunched by its loop's own pauses. */
  maxRequestsInOneSecondAsStamped: number;
  tenants: Map<string, TenantFigures>;
  /** Requests that arrived with a conversation limit used up. */
  conversationViolations: number;
  /** Requests that arrived with each limit used up (one request may exceed several). */
  violationsByLimit: Record<LimitName, number>;
  /** Cards delivered again to a conversation that already had them. */
  duplicates: number;
  /** New messages accepted, per conversation. */
  deliveries: Map<string, number>;
  firstDeliveryAt: number | undefined;
  lastDeliveryAt: number | undefined;
}

export interface ConnectorModelOptions {
  now?: () => number;
  random?: () => number;
  failures?: Partial<InjectedFailures>;
  /** Keep every request in `log` (on by default; a long benchmark may turn it off). */
  keepLog?: boolean;
}

interface Script {
  answer: ScriptedAnswer;
  kind?: RequestKind | undefined;
  conversationId?: string | undefined;
}

/**
 * Teams' connector as a sender meets it, without HTTP: decides each request's answer from the
 * limits (every request counted, refused ones too), injected failures and scripted answers, and
 * records what a benchmark or test asks afterwards. The clock and the dice are passed in.
 */
export class ConnectorModel {
  readonly stats: ConnectorStats = {
    requests: 0,
    byKind: { create: 0, send: 0, update: 0 },
    accepted: 0,
    throttledOverLimit: 0,
    injected429: 0,
    injected5xx: 0,
    scripted: 0,
    maxRequestsInOneSecond: 0,
    maxRequestsInOneSecondAsStamped: 0,
    tenants: new Map(),
    conversationViolations: 0,
    violationsByLimit: { tenant1s: 0, conversation1s: 0, conversation2s: 0, conversation30s: 0, conversation1h: 0 },
    duplicates: 0,
    deliveries: new Map(),
    firstDeliveryAt: undefined,
    lastDeliveryAt: undefined,
  };
  readonly log: RecordedRequest[] = [];
  readonly failures: InjectedFailures;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly keepLog: boolean;
  private readonly tenantWindows = new Map<string, RequestWindows>();
  private readonly tenantStamps = new Map<string, RequestWindows>();
  private readonly conversationWindows = new Map<string, RequestWindows>();
  private readonly burstUntil = new Map<string, number>();
  private readonly scripts: Script[] = [];
  private readonly delivered = new Set<string>();

  constructor(options: ConnectorModelOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.failures = { ...NO_INJECTED_FAILURES, ...options.failures };
    this.keepLog = options.keepLog ?? true;
  }

  /** The next `count` requests that match (of `kind`, to `conversationId`, when given) get `answer`, unless over a limit. */
  script(answer: ScriptedAnswer, match: { count?: number; kind?: RequestKind; conversationId?: string } = {}): void {
    for (let i = 0; i < (match.count ?? 1); i++) this.scripts.push({ answer, kind: match.kind, conversationId: match.conversationId });
  }

  /**
   * Decides a request's answer and records it. Limits come first, as Teams throttles before it looks at a request.
   *
   * `arrivedAfter` is the earliest the request can have arrived, when the caller's loop may have
   * kept it waiting (a stalled loop gets to many requests at once that arrived apart). Each request
   * is then counted in a window only when its whole span of possible arrivals lies in it, and a
   * limit is exceeded only when it certainly was: the connector refuses nothing for its own pauses.
   * Requests must come in the order they were got to, so their earliest times never go back.
   */
  answer(request: ConnectorRequest, arrivedAfter?: number): ConnectorAnswer {
    const at = this.now();
    const earliest = Math.min(at, arrivedAfter ?? at);
    const tenant = windowsFor(this.tenantWindows, request.tenantId, TENANT_LIMITS);
    // Creating a conversation has a budget of its own in Teams' table; updates are sends.
    const conversationKey = `${request.kind === 'create' ? 'create' : 'send'}:${request.conversationId}`;
    const conversation = windowsFor(this.conversationWindows, conversationKey, CONVERSATION_LIMITS);
    // Earlier requests are kept by their earliest arrival and judged at this one's latest: those certainly in its window.
    const exceeded = [...tenant.exceeded(at), ...conversation.exceeded(at)];
    tenant.add(earliest);
    conversation.add(earliest);
    const stamps = windowsFor(this.tenantStamps, request.tenantId, TENANT_LIMITS);
    stamps.add(at);
    this.count(request, tenant.countWithin(1_000, at), stamps.countWithin(1_000, at));

    let answer: ConnectorAnswer;
    if (exceeded.length > 0) {
      answer = this.overLimit(exceeded);
    } else {
      const script = this.takeScript(request);
      answer = script
        ? { ...script, reason: 'scripted' }
        : (this.burst(request.tenantId, at) ?? this.throttledAlone() ?? this.serverError() ?? this.accept(request, at));
    }
    this.tally(answer);
    if (this.keepLog) {
      this.log.push({
        ...request,
        at,
        earliest,
        status: answer.status,
        reason: answer.reason,
        ...(exceeded.length ? { exceeded: exceeded.map((e) => e.limit.name) } : {}),
      });
    }
    return answer;
  }

  private count(request: ConnectorRequest, inLastSecond: number, stampedInLastSecond: number): void {
    const s = this.stats;
    s.requests++;
    s.byKind[request.kind]++;
    let figures = s.tenants.get(request.tenantId);
    if (!figures) s.tenants.set(request.tenantId, (figures = { requests: 0, maxRequestsInOneSecond: 0 }));
    figures.requests++;
    figures.maxRequestsInOneSecond = Math.max(figures.maxRequestsInOneSecond, inLastSecond);
    s.maxRequestsInOneSecond = Math.max(s.maxRequestsInOneSecond, inLastSecond);
    s.maxRequestsInOneSecondAsStamped = Math.max(s.maxRequestsInOneSecondAsStamped, stampedInLastSecond);
  }

  private overLimit(exceeded: { limit: { name: LimitName }; roomInMs: number }[]): ConnectorAnswer {
    for (const e of exceeded) this.stats.violationsByLimit[e.limit.name]++;
    if (exceeded.some((e) => e.limit.name !== 'tenant1s')) this.stats.conversationViolations++;
    const roomInMs = Math.max(...exceeded.map((e) => e.roomInMs));
    return { status: 429, reason: 'overLimit', retryAfter: String(Math.max(1, Math.ceil(roomInMs / 1000))), code: 'Throttled' };
  }

  private takeScript(request: ConnectorRequest): ScriptedAnswer | undefined {
    const i = this.scripts.findIndex(
      (s) =>
        (s.kind === undefined || s.kind === request.kind) &&
        (s.conversationId === undefined || s.conversationId === request.conversationId),
    );
    return i < 0 ? undefined : this.scripts.splice(i, 1)[0]!.answer;
  }

  private burst(tenantId: string, at: number): ConnectorAnswer | undefined {
    let until = this.burstUntil.get(tenantId) ?? 0;
    if (until <= at && this.failures.burstChance > 0 && this.random() < this.failures.burstChance) {
      const [low, high] = this.failures.burstRetryAfterSeconds;
      until = at + (low + Math.floor(this.random() * (high - low + 1))) * 1000;
      this.burstUntil.set(tenantId, until);
    }
    if (until <= at) return undefined;
    return { status: 429, reason: 'burst429', retryAfter: String(Math.ceil((until - at) / 1000)), code: 'Throttled' };
  }

  private throttledAlone(): ConnectorAnswer | undefined {
    if (this.failures.throttleRate <= 0 || this.random() >= this.failures.throttleRate) return undefined;
    const [low, high] = this.failures.burstRetryAfterSeconds;
    return { status: 429, retryAfter: String(low + Math.floor(this.random() * (high - low + 1))), reason: 'burst429', code: 'Throttled' };
  }

  private serverError(): ConnectorAnswer | undefined {
    if (this.failures.serverErrorRate <= 0 || this.random() >= this.failures.serverErrorRate) return undefined;
    return { status: this.random() < 0.5 ? 502 : 503, reason: 'injected5xx', code: 'ServiceError' };
  }

  private accept(request: ConnectorRequest, at: number): ConnectorAnswer {
    if (request.kind === 'create') return { status: 201, reason: 'accepted' };
    if (request.kind === 'send') {
      const s = this.stats;
      s.deliveries.set(request.conversationId, (s.deliveries.get(request.conversationId) ?? 0) + 1);
      s.firstDeliveryAt ??= at;
      s.lastDeliveryAt = at;
      if (request.card !== undefined) {
        const key = `${request.conversationId}\u0000${request.card}`;
        if (this.delivered.has(key)) s.duplicates++;
        else this.delivered.add(key);
      }
    }
    return { status: 200, reason: 'accepted' };
  }

  private tally(answer: ConnectorAnswer): void {
    const s = this.stats;
    if (answer.reason === 'accepted') s.accepted++;
    else if (answer.reason === 'overLimit') s.throttledOverLimit++;
    else if (answer.reason === 'burst429') s.injected429++;
    else if (answer.reason === 'injected5xx') s.injected5xx++;
    else s.scripted++;
  }
}

function windowsFor(all: Map<string, RequestWindows>, key: string, limits: readonly WindowLimit[]): RequestWindows {
  let windows = all.get(key);
  if (!windows) all.set(key, (windows = new RequestWindows(limits)));
  return windows;
}
