import { TurnContext, type ConversationReference } from 'botbuilder';
import { botTranslator } from '../i18n/bot-messages.js';
import type { Messenger, ProactiveTarget, SendOutcome } from '../services/messenger.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import { cardMessage } from './card-replies.js';
import { channelReference } from './channel-reference.js';
import { renderOutbound } from './render-outbound.js';
import { retryAfterMs } from '../domain/retry-after.js';
import type { Slot } from '../services/outbound-pacer.js';
import type { TeamsRequests } from './teams-requests.js';

/** Proactive sends through the Bot Framework adapter, each message a card in its reader's language, with Teams' failures told apart. */
export class TeamsMessenger implements Messenger {
  constructor(private readonly requests: TeamsRequests) {}

  async send(target: ProactiveTarget, message: OutboundMessage, slot?: Slot): Promise<SendOutcome> {
    const card = renderOutbound(message, botTranslator(target.locale));
    let activityId: string | undefined;
    let reference: string | undefined;
    try {
      if (target.reference) {
        const reference = JSON.parse(target.reference) as Partial<ConversationReference>;
        const stored = target.channelId ? channelReference(reference, target.channelId) : reference;
        await this.requests.inConversation(
          target.tenantId,
          stored,
          async (context) => {
            activityId = (await context.sendActivity(cardMessage(card)))?.id;
          },
          slot,
        );
        return { kind: 'sent', activityId };
      }
      // First contact: creating the conversation and sending to it are two requests, each paced.
      await this.requests.createConversation(
        target.tenantId,
        target.serviceUrl,
        target.teamsUserId,
        async (context) => {
          reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
          activityId = (await context.sendActivity(cardMessage(card)))?.id;
        },
        slot,
      );
      return { kind: 'sent', activityId, ...(reference ? { reference } : {}) };
    } catch (error) {
      return outcomeOf(error);
    }
  }
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
