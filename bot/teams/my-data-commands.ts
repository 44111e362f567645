import { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/card-types.js';
import { errorCard } from '../cards/error-card.js';
import { eraseMyDataCard, erasingMyDataCard, myDataExportCard } from '../cards/my-data-cards.js';
import { ERASE_CONFIRMATION, isEraseConfirmation } from '../domain/my-data.js';
import type { Messenger, ProactiveTarget } from '../services/messenger.js';
import type { MyDataService } from '../services/my-data-service.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import type { SeenPerson } from '../services/people-service.js';
import { cardMessage } from './card-replies.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

export interface MyDataCommandsDeps {
  myData: MyDataService;
  /** Tells the learner once the erasure is done, in the chat they asked from. */
  messenger: Messenger;
  /** Where the tab's "Your data" section is, if anywhere (see my-data-link.ts). */
  myDataUrl: () => string | undefined;
  logger: Logger;
}

/** "export my data", "erase my data" and the erase card's button, in the learner's personal chat. */
export class MyDataCommands {
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly deps: MyDataCommandsDeps) {}

  /** A typed command: the export's counts with the way to the files, or the erase confirmation card. */
  async reply(context: TurnContext, sender: SeenPerson, command: 'export-my-data' | 'erase-my-data', t: BotTranslator): Promise<void> {
    if (!isPersonal(context)) {
      await context.sendActivity(t.t('myData.personalOnly'));
      return;
    }
    if (command === 'erase-my-data') {
      await context.sendActivity(cardMessage(eraseMyDataCard(t)));
      return;
    }
    const counts = await this.deps.myData.counts(sender);
    await context.sendActivity(cardMessage(myDataExportCard({ counts, url: this.deps.myDataUrl() }, t)));
  }

  /**
   * The erase card's button. The phrase typed wrong: the same card, what was typed kept. Typed
   * right: the erasure runs in the background (a busy person's data can outlast Teams' 5 s for
   * answering), the card says so, and a message in this chat says when it is done — sent through
   * this conversation's reference, taken now, since the stored one is erased with everything else.
   */
  async erase(context: TurnContext, sender: SeenPerson, data: unknown, t: BotTranslator): Promise<AdaptiveCard> {
    if (!isPersonal(context)) return errorCard(t.t('myData.personalOnly'), t);
    const confirm = (data as { confirm?: unknown } | undefined)?.confirm;
    const typed = typeof confirm === 'string' ? confirm.slice(0, 100) : '';
    if (!isEraseConfirmation(typed)) {
      return eraseMyDataCard(t, { typed, problem: t.t('myData.erase.notConfirmed', { phrase: ERASE_CONFIRMATION }) });
    }
    const target: ProactiveTarget = {
      tenantId: sender.tenantId,
      userId: sender.userId,
      teamsUserId: sender.teamsUserId ?? '',
      serviceUrl: context.activity.serviceUrl,
      reference: JSON.stringify(TurnContext.getConversationReference(context.activity)),
    };
    this.inBackground(this.eraseThenTell(sender, target, t));
    return erasingMyDataCard(t);
  }

  /** Waits for erasures started in the background (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  // The person's stored locale is erased with everything else: the language they asked in is kept here.
  private async eraseThenTell(sender: SeenPerson, target: ProactiveTarget, t: BotTranslator): Promise<void> {
    let message: OutboundMessage;
    try {
      await this.deps.myData.erase(sender);
      message = { kind: 'my-data-erased' };
    } catch (error) {
      this.deps.logger.error({ err: error }, 'erasing a person’s data failed part way; asking again finishes it');
      message = { kind: 'my-data-erase-failed' };
    }
    const outcome = await this.deps.messenger.send({ ...target, locale: t.formatting }, message);
    if (outcome.kind !== 'sent') this.deps.logger.warn({ outcome: outcome.kind }, 'could not say in chat how erasing a person’s data went');
  }

  private inBackground(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'erasing a person’s data failed'))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
