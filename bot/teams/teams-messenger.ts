import { TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-types.js';
import { botTranslator } from '../i18n/bot-messages.js';
import type { Messenger, ProactiveTarget, SendOutcome } from '../services/messenger.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import { cardMessage } from './card-replies.js';
import { renderOutbound } from './render-outbound.js';
import { retryAfterMs } from '../domain/retry-after.js';

/** Bot Framework's audience for Teams' connector when creating conversations. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** Proactive sends through the Bot Framework adapter, each message a card in its reader's language, with Teams' failures told apart. */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  private withoutHiddenRetries(context: TurnContext): void {
    removeRetryPolicy(context, this.adapter.ConnectorClientKey);
  }

  async send(target: ProactiveTarget, message: OutboundMessage): Promise<SendOutcome> {
    const card = renderOutbound(message, botTranslator(target.locale));
    // The adapter hands errors inside the turn to its onTurnError instead of throwing them, so
    // the turn catches its own failure and reports it here.
    let failure: unknown;
    const outcome = await this.attempt(target, card, (error) => (failure = error));
    return failure === undefined ? outcome : outcomeOf(failure);
  }

  private async attempt(target: ProactiveTarget, card: AdaptiveCard, fail: (error: unknown) => void): Promise<SendOutcome> {
    try {
      if (target.reference) {
        let activityId: string | undefined;
        const reference = JSON.parse(target.reference) as Partial<ConversationReference>;
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          this.withoutHiddenRetries(context);
          try {
            activityId = (await context.sendActivity(cardMessage(card)))?.id;
          } catch (error) {
            fail(error);
          }
        });
        return { kind: 'sent', activityId };
      }
      let activityId: string | undefined;
      let reference: string | undefined;
      await this.adapter.createConversationAsync(
        this.botAppId,
        'msteams',
        target.serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        // The protocol makes `activity` optional; botbuilder's type does not, hence the cast.
        {
          isGroup: false,
          bot: { id: this.botAppId, name: 'Learning Loop' },
          members: [{ id: target.teamsUserId, name: '' }],
          tenantId: target.tenantId,
          channelData: { tenant: { id: target.tenantId } },
        } as ConversationParameters,
        async (context) => {
          this.withoutHiddenRetries(context);
          reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
          try {
            activityId = (await context.sendActivity(cardMessage(card)))?.id;
          } catch (error) {
            fail(error);
          }
        },
      );
      return { kind: 'sent', activityId, ...(reference ? { reference } : {}) };
    } catch (error) {
      return outcomeOf(error);
    }
  }
}

/**
 * The connector client retries 429s and 5xx on its own, out of sight of our rate limit. For
 * proactive fan-out the worker retries instead, so every attempt is counted against the
 * app-wide limit and a Retry-After delays only the message that got it.
 */
function removeRetryPolicy(context: TurnContext, key: symbol | string): void {
  // The connector client's pipeline is not part of botbuilder's public types.
  const client = context.turnState.get(key) as { client?: { pipeline?: { removePolicy(o: { phase: string }): unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

/** Maps a connector failure to what the worker should do about it. */
export function outcomeOf(error: unknown): SendOutcome {
  const e = error as { statusCode?: unknown; status?: unknown; message?: unknown; response?: { headers?: unknown } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : 0;
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(retryAfterHeader(e.response?.headers)) ?? 1000 };
  if (status === 403) return { kind: 'blocked', message };
  if (status === 404) return { kind: 'stale', message };
  return { kind: 'transient', status, message };
}

/** The `Retry-After` a connector answer carried, whichever form its headers came in. */
function retryAfterHeader(headers: unknown): string | undefined {
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get(name: string): string | undefined | null }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  return raw ?? undefined;
}
