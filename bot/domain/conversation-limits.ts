/** At most `limit` requests in any `spanMs` window. */
export interface WindowLimit {
  spanMs: number;
  limit: number;
}

/** Teams' limits for a bot in one conversation (sends, card updates and conversation creation alike). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { spanMs: 1_000, limit: 7 },
  { spanMs: 2_000, limit: 8 },
  { spanMs: 30_000, limit: 60 },
  { spanMs: 3_600_000, limit: 1_800 },
];

/** Windows longer than this are counted in buckets in a fixed table rather than by timestamp. */
const EXACT_UP_TO_MS = 60_000;
/** The long window is counted in this many buckets: a bucket counts whole until its last moment has left. */
const BUCKETS = 12;
/** Cells of the long window's table: conversations sharing a cell are counted together. */
const CELLS = 32_768;

interface Conversation {
  /** Times of the requests still inside the longest exact window, oldest first. */
  recent: number[];
  /** Slots handed out whose request has not gone yet: they count as if sent now. */
  outstanding: number;
}

/**
 * Every conversation's sliding windows: when it may next be sent to, and what was sent. Pure and
 * driven by the caller's clock. `marginMs` widens every window, so a request that reaches Teams a
 * little later than it was counted still falls inside the window Teams counts it in.
 *
 * Memory stays bounded whatever the number of conversations: the short windows keep timestamps
 * only for conversations sent to within the last half minute, and the hour is counted in a table
 * of fixed size, keyed by a hash of the conversation. Conversations that share a cell are counted
 * together, so a cell can only count too many, never too few (a few requests an hour each, at the
 * design point, against a limit of 1,800).
 */
export class ConversationLimits {
  private readonly conversations = new Map<string, Conversation>();
  private readonly exact: readonly WindowLimit[];
  private readonly long: WindowLimit | undefined;
  private readonly keepMs: number;
  private readonly bucketMs: number;
  /** For each cell and bucket slot: the bucket it counts (its start / bucketMs) and how many. */
  private readonly bucketIndex: Int32Array;
  private readonly bucketCount: Uint16Array;

  constructor(
    limits: readonly WindowLimit[] = TEAMS_CONVERSATION_LIMITS,
    private readonly marginMs = 0,
  ) {
    this.exact = limits.filter((l) => l.spanMs <= EXACT_UP_TO_MS).map((l) => ({ ...l, spanMs: l.spanMs + marginMs }));
    const long = limits.filter((l) => l.spanMs > EXACT_UP_TO_MS);
    if (long.length > 1) throw new Error('At most one window longer than a minute is supported');
    this.long = long[0];
    this.keepMs = Math.max(0, ...this.exact.map((l) => l.spanMs));
    this.bucketMs = this.long ? this.long.spanMs / BUCKETS : 1;
    const cells = this.long ? CELLS : 0;
    this.bucketIndex = new Int32Array(cells * BUCKETS).fill(-1);
    this.bucketCount = new Uint16Array(cells * BUCKETS);
  }

  /** How many conversations have timestamps kept (for tests of the bound). */
  get size(): number {
    return this.conversations.size;
  }

  /**
   * The earliest time from `now` a new request to the conversation keeps every window; Infinity
   * while only outstanding slots fill one. `share` (0 to 1) cuts every limit to this sender's part,
   * rounded down but never below one: senders whose shares add up to 1 stay within each limit
   * together while none has a share under 1 / limit (up to 7 senders with even shares, for Teams').
   */
  nextFreeAt(conversationId: string, now: number, share = 1): number {
    const c = this.conversations.get(conversationId);
    const outstanding = c?.outstanding ?? 0;
    let at = now;
    for (const window of this.exact) {
      const inWindow = c ? c.recent.filter((t) => t > now - window.spanMs) : [];
      const over = inWindow.length + outstanding - partOf(window.limit, share) + 1;
      if (over <= 0) continue;
      // The `over` oldest requests must leave the window; outstanding slots never leave until sent.
      if (over > inWindow.length) return Infinity;
      at = Math.max(at, inWindow[over - 1]! + window.spanMs);
    }
    if (this.long) {
      const live = this.liveBuckets(cellOf(conversationId), now);
      let over = live.reduce((sum, b) => sum + b.count, 0) + outstanding - partOf(this.long.limit, share) + 1;
      if (over > 0) {
        let freeAt = Infinity;
        for (const b of live) {
          over -= b.count;
          if (over <= 0) {
            freeAt = this.bucketLeavesAt(b.index);
            break;
          }
        }
        at = Math.max(at, freeAt);
      }
    }
    return at;
  }

  /** A slot was handed out: it counts from now until its request goes or is given back. */
  hold(conversationId: string): void {
    let c = this.conversations.get(conversationId);
    if (!c) this.conversations.set(conversationId, (c = { recent: [], outstanding: 0 }));
    c.outstanding++;
  }

  /** A held slot's request went out at `at`. */
  spend(conversationId: string, at: number): void {
    let c = this.conversations.get(conversationId);
    if (!c) this.conversations.set(conversationId, (c = { recent: [], outstanding: 1 }));
    c.outstanding = Math.max(0, c.outstanding - 1);
    let i = c.recent.length;
    while (i > 0 && c.recent[i - 1]! > at) i--;
    c.recent.splice(i, 0, at);
    if (this.long) this.countInTable(cellOf(conversationId), at);
    this.trim(conversationId, c, at);
  }

  /** A held slot was not used after all. */
  giveBack(conversationId: string, now: number): void {
    const c = this.conversations.get(conversationId);
    if (!c) return;
    c.outstanding = Math.max(0, c.outstanding - 1);
    this.trim(conversationId, c, now);
  }

  /** Forgets the timestamps no short window needs any more. */
  forget(now: number): void {
    for (const [id, c] of this.conversations) this.trim(id, c, now);
  }

  private trim(id: string, c: Conversation, now: number): void {
    while (c.recent.length > 0 && c.recent[0]! <= now - this.keepMs) c.recent.shift();
    if (c.recent.length === 0 && c.outstanding === 0) this.conversations.delete(id);
  }

  private countInTable(cell: number, at: number): void {
    const index = Math.floor(at / this.bucketMs);
    const slot = cell * BUCKETS + (index % BUCKETS);
    if (this.bucketIndex[slot] !== index) {
      // The slot held a bucket that has left the window (or none): it starts again.
      this.bucketIndex[slot] = index;
      this.bucketCount[slot] = 0;
    }
    this.bucketCount[slot] = Math.min(0xffff, this.bucketCount[slot]! + 1);
  }

  /** The cell's buckets still (partly) inside the long window, oldest first. */
  private liveBuckets(cell: number, now: number): Array<{ index: number; count: number }> {
    const live: Array<{ index: number; count: number }> = [];
    for (let k = 0; k < BUCKETS; k++) {
      const slot = cell * BUCKETS + k;
      const index = this.bucketIndex[slot]!;
      if (index >= 0 && this.bucketLeavesAt(index) > now && this.bucketCount[slot]! > 0)
        live.push({ index, count: this.bucketCount[slot]! });
    }
    return live.sort((a, b) => a.index - b.index);
  }

  private bucketLeavesAt(index: number): number {
    return (index + 1) * this.bucketMs + (this.long?.spanMs ?? 0) + this.marginMs;
  }
}

function partOf(limit: number, share: number): number {
  return share >= 1 ? limit : Math.max(1, Math.floor(limit * share));
}

/** FNV-1a: a cheap, well-spread hash of the conversation id into the hour table. */
function cellOf(conversationId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < conversationId.length; i++) {
    h ^= conversationId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % CELLS;
}
