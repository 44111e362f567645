import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';

const gzipped = promisify(gzip);

interface HeldAnswer {
  revision: string;
  json: Buffer;
  etag: string;
  /** Made the first time a client that takes gzip asks for this revision. */
  gzip?: Buffer;
}

/** Callers' answers held, and their bytes (JSON and gzip): about 0.25 MB for a 500-member team's lead. */
export const REVISED_JSON_LIMITS = { maxEntries: 1_000, maxBytes: 8 * 1024 * 1024 };

/**
 * JSON answers kept as the bytes sent, by who asked for what, with the revision the service gave
 * them. While the revision holds, the same bytes (gzipped for a client that takes gzip) are sent
 * again without serialising or compressing anything, and a client that already holds them
 * (If-None-Match with their ETag) is answered 304 with no body. The service is asked every time,
 * so the caller is authorised and the revision checked on every request; only the bytes are
 * kept. `private, no-cache` keeps shared caches out and makes the browser ask every time.
 */
export class RevisedJsonAnswers {
  private readonly answers: LRUCache<string, HeldAnswer>;

  constructor(readonly limits: { maxEntries: number; maxBytes: number } = REVISED_JSON_LIMITS) {
    this.answers = new LRUCache<string, HeldAnswer>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      sizeCalculation: (held) => held.json.length + (held.gzip?.length ?? 0),
    });
  }

  /** Sends `answer.body` as JSON, from the bytes held under `key` when they are of `answer.revision`. */
  async send(req: Request, res: Response, key: string, answer: { revision: string; body: unknown }): Promise<void> {
    let held = this.answers.get(key);
    if (held?.revision !== answer.revision) {
      const json = Buffer.from(JSON.stringify(answer.body));
      // Weak, as Express's own: the gzipped and plain bytes are the same answer.
      held = {
        revision: answer.revision,
        json,
        etag: `W/"${json.length.toString(16)}-${createHash('sha1').update(json).digest('base64url')}"`,
      };
      this.answers.set(key, held);
    }
    res.set({ 'Cache-Control': 'private, no-cache', ETag: held.etag }).vary('Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.type('json');
    if (req.acceptsEncodings('gzip', 'identity') !== 'gzip') {
      res.send(held.json);
      return;
    }
    if (!held.gzip) {
      held.gzip = await gzipped(held.json);
      // Measured again with the gzip; unless a newer revision replaced it meanwhile.
      if (this.answers.peek(key) === held) this.answers.set(key, held);
    }
    res.set('Content-Encoding', 'gzip').send(held.gzip);
  }

  /** Answers and bytes held now, and the bounds. */
  get held(): { entries: number; bytes: number; maxEntries: number; maxBytes: number } {
    return { entries: this.answers.size, bytes: this.answers.calculatedSize, ...this.limits };
  }
}
