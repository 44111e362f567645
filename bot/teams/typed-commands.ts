import type { TurnContext } from 'botbuilder';
import { checkInCard } from '../cards/check-in-card.js';
import { goalFormCard } from '../cards/goal-cards.js';
import { helpCard } from '../cards/help-card.js';
import { dialogInvitationCard } from '../cards/learning-dialog-card.js';
import { botTranslator } from '../i18n/bot-messages.js';
import type { PeopleService } from '../services/people-service.js';
import { senderOf } from './activity-people.js';
import { cardMessage } from './card-replies.js';
import { freshCheckIn, type CheckInActionsDeps } from './check-in-actions.js';
import type { Command } from './command-parser.js';
import type { MyDataCommands } from './my-data-commands.js';
import { isPersonalChat } from './personal-chat.js';
import { whenFor } from './when.js';

/** What a typed command answers: a form, a card, or a line, in the sender's language. */
export async function answerTypedCommand(
  deps: CheckInActionsDeps & { people: PeopleService; myData: MyDataCommands },
  context: TurnContext,
  command: Command,
): Promise<void> {
  const sender = senderOf(context.activity);
  const t = botTranslator(context.activity.locale);
  if (command.kind === 'check-in') {
    // Where others can see, the form (with the learner's goals and their leads' recommendations) opens privately in a dialog.
    if (!isPersonalChat(context.activity)) await context.sendActivity(cardMessage(dialogInvitationCard('check-in', t)));
    else
      await context.sendActivity(
        cardMessage(sender ? await freshCheckIn(deps, sender, t) : checkInCard({ cardId: deps.checkIns.newCardId() }, t)),
      );
  } else if (command.kind === 'goal') {
    await context.sendActivity(cardMessage(goalFormCard(t)));
  } else if (command.kind === 'share') {
    if (isPersonalChat(context.activity) && sender) {
      const teams = await deps.capture.shareTargetsOf(sender);
      const card = checkInCard({ cardId: deps.checkIns.newCardId(), purpose: 'share', share: { teams } }, t);
      await context.sendActivity(cardMessage(card));
    } else {
      // Where others can see, the form opens privately in a dialog.
      await context.sendActivity(cardMessage(dialogInvitationCard('share', t)));
    }
  } else if (command.kind === 'pause' || command.kind === 'resume') {
    if (sender) {
      if (command.kind === 'pause') {
        await deps.people.pause(sender);
        await context.sendActivity(t.t('pause.done'));
      } else {
        const next = await deps.people.resume(sender);
        await context.sendActivity(next ? t.t('resume.next', { when: whenFor(next, t, sender.timeZone) }) : t.t('resume.noSchedule'));
      }
    }
  } else if (command.kind === 'export-my-data' || command.kind === 'erase-my-data') {
    if (sender) await deps.myData.reply(context, sender, command.kind, t);
  } else if (command.kind === 'help') {
    await context.sendActivity(cardMessage(helpCard(t)));
  } else {
    await context.sendActivity(cardMessage(helpCard(t, { unknownCommand: command.text })));
  }
}
