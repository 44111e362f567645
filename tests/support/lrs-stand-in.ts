import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Learning Record Store in miniature: `POST /statements` with Basic authentication stores each
 * statement by id (a second copy of a stored one is accepted and not stored again, a different one
 * with the same id is a 409), and every `failEvery`-th request fails with 503 before reading
 * anything, as a busy LRS does.
 */
export interface LrsStandIn {
  endpoint: string;
  /** Each statement as first stored, by id. */
  stored: Map<string, unknown>;
  /** Every POST: how many statements it carried and what it was answered. */
  requests: { statements: number; status: number }[];
  /** Statements posted again after they were stored (harmless, but each is a wasted send). */
  duplicates: number;
  /** Every this-many-th request fails with 503; 0 never. */
  failEvery: number;
  stop(): Promise<void>;
}

export async function startLrsStandIn(options: { key: string; secret: string; failEvery?: number }): Promise<LrsStandIn> {
  const stored = new Map<string, unknown>();
  const requests: LrsStandIn['requests'] = [];
  const expected = `Basic ${Buffer.from(`${options.key}:${options.secret}`).toString('base64')}`;
  let count = 0;
  const state = { duplicates: 0, failEvery: options.failEvery ?? 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body?: unknown) => {
        res
          .writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
          .end(body === undefined ? undefined : JSON.stringify(body));
        return status;
      };
      const status = handle(Buffer.concat(chunks).toString('utf8'));
      function handle(text: string): number {
        if (req.method !== 'POST' || !req.url?.endsWith('/statements')) return answer(404, { error: 'no such resource' });
        count++;
        if (state.failEvery && count % state.failEvery === 0) return answer(503, { error: 'busy, try later' });
        if (req.headers.authorization !== expected) return answer(401, { error: 'bad credentials' });
        if (req.headers['x-experience-api-version'] !== '1.0.3')
          return answer(400, { error: 'X-Experience-API-Version 1.0.3 is required' });
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return answer(400, { error: 'not JSON' });
        }
        const statements = (Array.isArray(body) ? body : [body]) as { id?: string }[];
        requests.push({ statements: statements.length, status: 0 });
        for (const s of statements) {
          if (!s.id) return answer(400, { error: 'statements must carry ids here' });
          const before = stored.get(s.id);
          if (before !== undefined && JSON.stringify(before) !== JSON.stringify(s))
            return answer(409, { error: `statement ${s.id} differs from the stored one` });
        }
        for (const s of statements) {
          if (stored.has(s.id!)) state.duplicates++;
          else stored.set(s.id!, s);
        }
        return answer(
          200,
          statements.map((s) => s.id),
        );
      }
      const last = requests.at(-1);
      if (last && last.status === 0) last.status = status;
      else requests.push({ statements: 0, status });
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi`,
    stored,
    requests,
    get duplicates() {
      return state.duplicates;
    },
    get failEvery() {
      return state.failEvery;
    },
    set failEvery(n: number) {
      state.failEvery = n;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
