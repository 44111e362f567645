import type { AddressInfo } from 'node:net';
import express from 'express';

export interface SentActivity {
  conversationId: string;
  /** When the connector received the request (ms since epoch). */
  receivedAt?: number;
  activity: { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

export interface FakeTeam {
  /** `userRole` as Teams gives it: "owner" for the team's owners. */
  members: Array<{ id: string; aadObjectId: string; name: string; userRole?: string }>;
  channels: Array<{ id: string; name?: string }>;
}

/**
 * A local stand-in for the Bot Connector service: records what the bot sends and answers the
 * roster and channel reads for the teams it is given (paging members two at a time, so paging
 * is exercised).
 */
export interface FakeConnectorOptions {
  /** Teams user ids whose personal chat answers 403, as when someone blocked the app. */
  blockedUsers?: string[];
  /** How long each send takes to answer, as a real connector does. */
  delayMs?: number;
}

export interface RefusedAnswer {
  status: number;
  /** Seconds ("2") or an HTTP date. */
  retryAfter?: string;
  /** The error code Teams puts in the body, e.g. `MessageWritesBlocked`. */
  code?: string;
}

export async function startFakeConnector(
  teams: Record<string, FakeTeam> = {},
  options: FakeConnectorOptions = {},
): Promise<{
  serviceUrl: string;
  sent: SentActivity[];
  updated: (SentActivity & { activityId: string })[];
  created: string[];
  /** The next `count` sends get this answer instead of 200 (a 429 with Retry-After, a 5xx, a 403…); refused sends are not recorded. */
  refuseNext(count: number, answer: RefusedAnswer): void;
  stop(): Promise<void>;
}> {
  const refusals: RefusedAnswer[] = [];
  const sent: SentActivity[] = [];
  const updated: (SentActivity & { activityId: string })[] = [];
  const created: string[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/v3/conversations', (req, res) => {
    const member = (req.body as { members?: Array<{ id: string }> }).members?.[0]?.id ?? 'unknown';
    if (options.blockedUsers?.includes(member)) {
      return void res
        .status(403)
        .json({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    }
    created.push(member);
    res.status(201).json({ id: `a:personal-${member}` });
  });
  app.get('/v3/conversations/:teamId/pagedmembers', (req, res) => {
    const team = teams[String(req.params.teamId)];
    if (!team) return void res.status(404).json({ error: { code: 'ConversationNotFound', message: 'no such team' } });
    const start = Number(req.query.continuationToken ?? 0);
    const page = team.members.slice(start, start + 2);
    const next = start + 2 < team.members.length ? String(start + 2) : undefined;
    res.json({ members: page, ...(next ? { continuationToken: next } : {}) });
  });
  app.get('/v3/conversations/:teamId/members/:userId', (req, res) => {
    const member = teams[String(req.params.teamId)]?.members.find((m) => m.id === String(req.params.userId));
    if (!member) return void res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'no such member' } });
    res.json(member);
  });
  app.get('/v3/teams/:teamId/conversations', (req, res) => {
    const team = teams[String(req.params.teamId)];
    if (!team) return void res.status(404).json({ error: { code: 'ConversationNotFound', message: 'no such team' } });
    res.json({ conversations: team.channels });
  });
  const record = async (req: express.Request, res: express.Response) => {
    const receivedAt = Date.now();
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    const refusal = refusals.shift();
    if (refusal) {
      if (refusal.retryAfter !== undefined) res.setHeader('Retry-After', refusal.retryAfter);
      return void res
        .status(refusal.status)
        .json({ error: { code: refusal.code ?? 'Refused', message: `answered ${refusal.status} on request` } });
    }
    sent.push({ conversationId: String(req.params.conversationId), activity: req.body, receivedAt });
    res.status(200).json({ id: `activity-${sent.length}` });
  };
  app.post('/v3/conversations/:conversationId/activities', record);
  app.post('/v3/conversations/:conversationId/activities/:activityId', record);
  // A card replaced in place (a share's counts): kept apart from new messages.
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    updated.push({
      conversationId: String(req.params.conversationId),
      activityId: String(req.params.activityId),
      activity: req.body,
      receivedAt: Date.now(),
    });
    res.status(200).json({ id: String(req.params.activityId) });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    updated,
    created,
    refuseNext: (count, answer) => {
      for (let i = 0; i < count; i++) refusals.push(answer);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
