import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  ConnectorModel,
  type ConnectorAnswer,
  type ConnectorModelOptions,
  type ConnectorRequest,
  type ConnectorStats,
  type RecordedRequest,
  type RequestKind,
  type ScriptedAnswer,
} from './connector-model.js';

export interface TeamsConnectorOptions extends ConnectorModelOptions {
  /** Each answer waits a time drawn evenly from this range, in ms, as Teams takes 100–400 ms. */
  latencyMs?: readonly [number, number];
  /** The personal conversation Teams makes (and makes again) for a member: one per member. */
  conversationIdFor?: (memberId: string) => string;
  /** The tenant of a request whose body names none and whose conversation was not created here. */
  defaultTenantId?: string;
}

/** A request the connector accepted, with what was sent. */
export interface AcceptedActivity {
  kind: RequestKind;
  conversationId: string;
  /** The activity's id: new for a send, the one replaced for an update. */
  activityId: string;
  body: ActivityBody;
}

interface ActivityBody {
  type?: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  conversation?: { id?: string; tenantId?: string };
  channelData?: { tenant?: { id?: string }; channel?: { id?: string } };
}

interface CreateBody {
  members?: Array<{ id?: string }>;
  tenantId?: string;
  channelData?: { tenant?: { id?: string }; channel?: { id?: string } };
}

export interface TeamsConnector {
  /** The `serviceUrl` conversation references carry. */
  serviceUrl: string;
  stats: ConnectorStats;
  /** Every request with its time, tenant, conversation, kind and answer. */
  log: RecordedRequest[];
  accepted: AcceptedActivity[];
  /** The next `count` matching requests get this answer (see `scripted`), unless over a limit. */
  script: ConnectorModel['script'];
  model: ConnectorModel;
  stop(): Promise<void>;
}

/**
 * How often the connector notes that its loop turned. A loop that stalls (a busy machine) gets to
 * the requests that arrived meanwhile all at once; each is known to have arrived after the turn
 * before the one that got to it, and the limits count it only where it certainly was.
 */
const TURN_WATCH_MS = 5;

/**
 * Teams' Bot Connector as a bot meets it under load, on a loopback port: creates conversations,
 * takes sends and card updates, holds Teams' app and conversation limits over every request
 * (refused ones too), answers after a latency, injects 429 bursts and 5xx when asked, and answers
 * as scripted. See bench/README.md for what it does not model.
 */
export async function startTeamsConnector(options: TeamsConnectorOptions = {}): Promise<TeamsConnector> {
  const model = new ConnectorModel(options);
  const [minLatency, maxLatency] = options.latencyMs ?? [0, 0];
  const conversationIdFor = options.conversationIdFor ?? ((member: string) => `a:${member.replace(/^29:/, '')}`);
  const defaultTenant = options.defaultTenantId ?? 'unknown-tenant';
  const tenantOfConversation = new Map<string, string>();
  const accepted: AcceptedActivity[] = [];
  let activities = 0;
  let threads = 0;

  const answerAfterLatency = async (res: express.Response, answer: ConnectorAnswer, body: () => object) => {
    const wait = minLatency + Math.random() * (maxLatency - minLatency);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (answer.reason !== 'accepted') {
      if (answer.retryAfter !== undefined) res.setHeader('Retry-After', answer.retryAfter);
      return void res
        .status(answer.status)
        .json({ error: { code: answer.code ?? 'Refused', message: `answered ${answer.status} (${answer.reason})` } });
    }
    res.status(answer.status).json(body());
  };

  // The loop's turns, watched on the real clock: a request it gets to arrived after the turn before last.
  const turns = { last: Date.now(), beforeLast: Date.now() };
  const watch = options.now
    ? undefined
    : setInterval(() => {
        turns.beforeLast = turns.last;
        turns.last = Date.now();
      }, TURN_WATCH_MS);
  watch?.unref();
  const arrivedAfter = (res: express.Response): number | undefined => res.locals.arrivedAfter as number | undefined;

  const app = express();
  // Before the body is read: what the stamp can be late by starts when the request's first bytes were read.
  app.use((_req, res, next) => {
    if (watch) res.locals.arrivedAfter = turns.beforeLast;
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.post('/v3/conversations', (req, res) => {
    const body = req.body as CreateBody;
    const member = body.members?.[0]?.id;
    const channel = body.channelData?.channel?.id;
    // A personal chat is the member's one conversation; a channel post starts a thread of its own.
    const conversationId = member ? conversationIdFor(member) : `${channel ?? 'conversation'};messageid=${++threads}`;
    const tenantId = body.tenantId ?? body.channelData?.tenant?.id ?? defaultTenant;
    const answer = model.answer({ kind: 'create', tenantId, conversationId }, arrivedAfter(res));
    if (answer.reason === 'accepted') tenantOfConversation.set(conversationId, tenantId);
    void answerAfterLatency(res, answer, () => ({ id: conversationId }));
  });
  // A proactive message may continue a conversation as a reply: both paths are sends.
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyTo'], (req, res) => {
    const conversationId = String(req.params.conversationId);
    const body = req.body as ActivityBody;
    const answer = model.answer(requestOf('send', conversationId, body), arrivedAfter(res));
    const activityId = answer.reason === 'accepted' ? `activity-${++activities}` : '';
    if (activityId) accepted.push({ kind: 'send', conversationId, activityId, body });
    void answerAfterLatency(res, answer, () => ({ id: activityId }));
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const conversationId = String(req.params.conversationId);
    const activityId = String(req.params.activityId);
    const body = req.body as ActivityBody;
    const answer = model.answer(requestOf('update', conversationId, body), arrivedAfter(res));
    if (answer.reason === 'accepted') accepted.push({ kind: 'update', conversationId, activityId, body });
    void answerAfterLatency(res, answer, () => ({ id: activityId }));
  });

  function requestOf(kind: RequestKind, conversationId: string, body: ActivityBody): ConnectorRequest {
    const tenantId =
      body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? tenantOfConversation.get(conversationId) ?? defaultTenant;
    return { kind, tenantId, conversationId, card: cardIdentity(body) };
  }

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    stats: model.stats,
    log: model.log,
    accepted,
    script: (answer: ScriptedAnswer, match) => model.script(answer, match),
    model,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(watch);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A card is known by its content (or a text message by its text): the same one twice in a conversation is a duplicate. */
export function cardIdentity(body: ActivityBody): string | undefined {
  const content = body.attachments?.length ? JSON.stringify(body.attachments) : body.text;
  return content === undefined ? undefined : createHash('sha256').update(content).digest('base64url');
}
