/**
 * One queue's messages spread over several Azurite processes. Azurite keeps a queue's messages in
 * one in-memory collection and its every receive and delete slows as the queue grows (a round of
 * 10,000 check-ins queued at once held one Azurite process at 100 % of a core while the services
 * waited); Azure's Queue Storage serves 2,000 messages a second per queue whatever its length.
 * Messages are put on the processes in turn; a receive asks them in turn, moving on while one has
 * nothing visible; a message's delete and update go where it was put (its id is remembered from the
 * answer that gave it). Creating, clearing and deleting a queue go to every process, and its
 * approximate message count is their sum. Messages come back in no single order across processes:
 * Queue Storage does not promise an order either.
 */

export interface ShardAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type SendToShard = (shard: number, path?: string) => Promise<ShardAnswer>;

const MESSAGE_IDS = /<MessageId>([^<]+)<\/MessageId>/g;

export class QueueShards {
  private readonly holder = new Map<string, number>();
  private nextPut = 0;
  private nextGet = 0;

  constructor(readonly count: number) {}

  async route(method: string, url: string, send: SendToShard): Promise<ShardAnswer> {
    const parsed = new URL(url, 'http://x');
    // Path-style, as Azurite takes it: /account[/queue[/messages[/id]]]
    const [, queue, messages, messageId] = parsed.pathname.split('/').filter(Boolean);
    if (messages !== 'messages' || !queue) return this.everywhere(send, parsed.searchParams.get('comp') === 'metadata');
    if (messageId) return this.where(method, messageId, send);
    if (method === 'POST') return this.remember(await send(this.nextPut++ % this.count), (this.nextPut - 1) % this.count);
    if (method === 'DELETE') return this.everywhere(send, false);
    return this.firstWithMessages(send);
  }

  private async where(method: string, messageId: string, send: SendToShard): Promise<ShardAnswer> {
    const shard = this.holder.get(messageId);
    if (shard !== undefined) {
      const answer = await send(shard);
      if (method === 'DELETE' && answer.status < 300) this.holder.delete(messageId);
      return answer;
    }
    // Put before this proxy knew of it: the one that has it answers other than 404.
    let last: ShardAnswer | undefined;
    for (let s = 0; s < this.count; s++) {
      last = await send(s);
      if (last.status !== 404) return this.remember(last, s);
    }
    return last!;
  }

  private async firstWithMessages(send: SendToShard): Promise<ShardAnswer> {
    const start = this.nextGet++ % this.count;
    let first: ShardAnswer | undefined;
    for (let k = 0; k < this.count; k++) {
      const shard = (start + k) % this.count;
      const answer = this.remember(await send(shard), shard);
      first ??= answer;
      if (answer.status !== 200 || answer.body.includes('<MessageId>')) return answer;
    }
    return first!;
  }

  private async everywhere(send: SendToShard, sumCount: boolean): Promise<ShardAnswer> {
    const answers = await Promise.all(Array.from({ length: this.count }, (_, s) => send(s)));
    const answer = answers[0]!;
    if (sumCount && answer.status === 200) {
      const total = answers.reduce((n, a) => n + Number(a.headers['x-ms-approximate-messages-count'] ?? 0), 0);
      answer.headers['x-ms-approximate-messages-count'] = String(total);
    }
    return answer;
  }

  private remember(answer: ShardAnswer, shard: number): ShardAnswer {
    if (answer.status < 300) for (const m of answer.body.toString('utf8').matchAll(MESSAGE_IDS)) this.holder.set(m[1]!, shard);
    return answer;
  }
}
