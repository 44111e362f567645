import { TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-types.js';
import type { Messenger, ProactiveTarget, SendOutcome } from '../services/messenger.js';
import { cardMessage } from './card-replies.js';

/** Bot Framework's audience for Teams' connector when creating conversations. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** Proactive sends through the Bot Framework adapter, with Teams' failures told apart. */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async sendCard(target: ProactiveTarget, card: AdaptiveCard): Promise<SendOutcome> {
    try {
      if (target.reference) {
        let activityId: string | undefined;
        const reference = JSON.parse(target.reference) as Partial<ConversationReference>;
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          activityId = (await context.sendActivity(cardMessage(card)))?.id;
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
          reference = JSON.stringify(TurnContext.getConversationReference(context.activity));
          activityId = (await context.sendActivity(cardMessage(card)))?.id;
        },
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
  if (status === 429) return { kind: 'throttled', retryAfterMs: retryAfterMs(e.response?.headers) ?? 1000 };
  if (status === 403) return { kind: 'blocked', message };
  if (status === 404) return { kind: 'stale', message };
  return { kind: 'transient', status, message };
}

function retryAfterMs(headers: unknown): number | undefined {
  const raw =
    typeof (headers as { get?: unknown })?.get === 'function'
      ? (headers as { get(name: string): string | undefined | null }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
