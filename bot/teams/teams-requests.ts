import { AsyncLocalStorage } from 'node:async_hooks';
import type { CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { retryAfterMs } from '../domain/retry-after.js';
import { newConversationId, type OutboundPacer, type PacerKey, type Slot } from '../services/outbound-pacer.js';

/** Bot Framework's audience for Teams' connector when creating conversations. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';
/** When Teams throttles without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** What the requests made inside one call of `TeamsRequests` are for. */
interface RequestScope {
  tenantId: string;
  /** A slot taken before the call (the send worker takes it before claiming a send), for its first request. */
  slot: Slot | undefined;
  /** The conversation a creation request counts against, before Teams has named it. */
  creating: string | undefined;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The parts of the connector client's HTTP pipeline (`@azure/core-rest-pipeline`) used here; not in botbuilder's public types. */
interface PipelineRequest {
  url: string;
  method: string;
}
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface Pipeline {
  removePolicy(options: { phase: string }): unknown;
  addPolicy(
    policy: {
      name: string;
      sendRequest(request: PipelineRequest, next: (r: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse>;
    },
    options: { afterPhase: string },
  ): void;
}

/**
 * Readies every connector client botbuilder makes for a proactive call: its own retry policy goes
 * (a hidden retry is a request our limits never see, and a Retry-After must hold back the whole
 * tenant, not one call), and each request waits for the pacer last of all, after the request is
 * signed, so it counts from the moment it leaves. A 429 holds its conversation (and, when 429s
 * become a pattern, the tenant) for its Retry-After.
 * Turns answering an incoming activity use clients of their own and are not paced here.
 */
export function pacedProactiveClients(pacer: OutboundPacer): (client: unknown) => void {
  return (client) => {
    const pipeline = (client as { client?: { pipeline?: Pipeline } }).client?.pipeline;
    if (!pipeline) throw new Error('The connector client has no pipeline to pace');
    pipeline.removePolicy({ phase: 'Retry' });
    pipeline.addPolicy(
      {
        name: 'outboundPacer',
        async sendRequest(request, next) {
          const scope = scopes.getStore();
          // Every proactive request must go through TeamsRequests, which says whose budget it spends.
          if (!scope) throw new Error(`A proactive request to Teams went around the pacer: ${request.method} ${request.url}`);
          const key: PacerKey = {
            tenantId: scope.tenantId,
            conversationId: conversationInUrl(request.url) ?? scope.creating ?? newConversationId('unknown'),
          };
          const slot = takeSlot(scope, key) ?? (await pacer.acquire(key));
          slot.spend();
          const response = await next(request);
          if (response.status === 429) pacer.throttled(key, retryAfterMs(response.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_MS);
          return response;
        },
      },
      { afterPhase: 'Sign' },
    );
  };
}

/**
 * The one way this app calls Teams outside a turn: each call runs in a scope that names the tenant,
 * so every request it makes (creating a conversation, then sending to it, counts twice) waits for
 * the pacer. The adapter hands errors inside the turn to its onTurnError instead of throwing them,
 * so each call catches its own and throws it here.
 */
export class TeamsRequests {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Runs `work` in an existing conversation (a personal chat, a channel). */
  async inConversation(
    tenantId: string,
    reference: Partial<ConversationReference>,
    work: (context: TurnContext) => Promise<void>,
    slot?: Slot,
  ): Promise<void> {
    await this.scoped({ tenantId, slot, creating: undefined }, (fail) =>
      this.adapter.continueConversationAsync(this.botAppId, reference, (context) => work(context).catch(fail)),
    );
  }

  /** Creates a personal conversation with `memberId`, then runs `work` in it. */
  async createConversation(
    tenantId: string,
    serviceUrl: string,
    memberId: string,
    work: (context: TurnContext) => Promise<void>,
    slot?: Slot,
  ): Promise<void> {
    const parameters = {
      isGroup: false,
      bot: { id: this.botAppId, name: 'Learning Loop' },
      members: [{ id: memberId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    await this.scoped({ tenantId, slot, creating: newConversationId(memberId) }, (fail) =>
      this.adapter.createConversationAsync(
        this.botAppId,
        'msteams',
        serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        // The protocol makes `activity` optional; botbuilder's type does not, hence the cast.
        parameters as ConversationParameters,
        (context) => work(context).catch(fail),
      ),
    );
  }

  private async scoped(scope: RequestScope, call: (fail: (error: unknown) => void) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    try {
      await scopes.run(scope, () => call((error) => void (failure = { error })));
    } finally {
      // Not used when the call failed before its first request, or went to another conversation.
      scope.slot?.giveBack();
    }
    if (failure) throw failure.error;
  }
}

/** The slot taken for this request's conversation before the call, once. */
function takeSlot(scope: RequestScope, key: PacerKey): Slot | undefined {
  const slot = scope.slot;
  if (!slot || slot.key.tenantId !== key.tenantId || slot.key.conversationId !== key.conversationId) return undefined;
  scope.slot = undefined;
  return slot;
}

/** The conversation a connector request is addressed to (`/v3/conversations/{id}/activities…`); none when creating one. */
function conversationInUrl(url: string): string | undefined {
  const match = /\/v3\/conversations\/([^/?]+)/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
