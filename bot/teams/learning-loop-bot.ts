import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/card-types.js';
import { CHECK_IN_NOTHING_VERB, CHECK_IN_SNOOZE_VERB, CHECK_IN_SUBMIT_VERB, checkInCard } from '../cards/check-in-card.js';
import { snoozedCard } from '../cards/snoozed-card.js';
import { nothingThisWeekCard } from '../cards/nothing-this-week-card.js';
import { CHECK_IN_NEW_VERB, checkInSavedCard } from '../cards/check-in-saved-card.js';
import { checkInValuesFrom } from '../domain/check-in-submission.js';
import { shareChoiceValuesFrom } from '../domain/share-choice.js';
import { errorCard } from '../cards/error-card.js';
import { helpCard } from '../cards/help-card.js';
import { TEAM_SETUP_OPEN_VERB, TEAM_SETUP_SUBMIT_VERB } from '../cards/team-setup-cards.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { PeopleService } from '../services/people-service.js';
import { senderOf, tenantOf } from './activity-people.js';
import { parseCommand } from './command-parser.js';
import { malformedInvoke } from './invoke-envelope.js';
import { conversationRecordOf } from './conversation-records.js';
import { cardMessage, cardResponse } from './card-replies.js';
import { teamOf } from './team-context.js';
import type { TeamFlows } from './team-flows.js';
import type { LearningCapture } from '../services/learning-capture.js';
import type { SharingService } from '../services/sharing-service.js';
import { shareInvitationCard } from '../cards/learning-dialog-card.js';
import { COMPOSE_SHARE_COMMAND, SAVE_MESSAGE_COMMAND, type LearningDialogs } from './learning-dialogs.js';
import { SHARE_VERBS, shareCardAction } from './share-card-actions.js';
import { z } from 'zod';
import { NUDGE_REPLY_VERB } from '../cards/nudge-cards.js';
import { NUDGE_ANSWERS } from '../domain/nudge.js';
import type { NudgeService } from '../services/nudge-service.js';
import type { GoalService } from '../services/goal-service.js';
import type { CoachingService } from '../services/coaching-service.js';
import { COACHING_ANSWER_VERB } from '../cards/coaching-cards.js';
import { DIGEST_NUDGE_VERB } from '../cards/digest-card.js';
import type { DigestService } from '../services/digest-service.js';
import { GOAL_NEW_VERB, GOAL_SUBMIT_VERB, goalFormCard, goalSavedCard } from '../cards/goal-cards.js';
import { MY_DATA_ERASE_VERB } from '../cards/my-data-cards.js';
import type { MyDataCommands } from './my-data-commands.js';
import { isTenantAllowed, refuseTenant } from './tenant-gate.js';
import { botTranslator, type BotMessageKey, type BotTranslator } from '../i18n/bot-messages.js';
import { ConflictError, NotAllowedError, NotFoundError } from '../domain/errors.js';

const digestNudgeSchema = z.object({
  teamId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]*$/),
  userId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]*$/),
});

const nudgeReplySchema = z.object({
  teamId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]*$/),
  nudgeId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  answer: z.enum(NUDGE_ANSWERS),
});

export interface LearningLoopBotDeps {
  checkIns: CheckInService;
  people: PeopleService;
  teamFlows: TeamFlows;
  capture: LearningCapture;
  sharing: SharingService;
  dialogs: LearningDialogs;
  nudges: NudgeService;
  goals: GoalService;
  coaching: CoachingService;
  digests: DigestService;
  myData: MyDataCommands;
  /** Lower-case tenant ids the bot serves; unset serves every tenant that installed it. */
  allowedTenantIds?: readonly string[] | undefined;
  logger: Logger;
}

/** Routes what Teams sends to the services; holds no state and makes no storage calls itself. */
export class LearningLoopBot extends TeamsActivityHandler {
  constructor(private readonly deps: LearningLoopBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      await this.remember(context);
      const command = parseCommand(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text);
      const sender = senderOf(context.activity);
      const t = botTranslator(context.activity.locale);
      if (command.kind === 'check-in') {
        await context.sendActivity(
          cardMessage(sender ? await this.freshCheckIn(sender, t) : checkInCard({ cardId: this.deps.checkIns.newCardId() }, t)),
        );
      } else if (command.kind === 'goal') {
        await context.sendActivity(cardMessage(goalFormCard(t)));
      } else if (command.kind === 'share') {
        if (context.activity.conversation?.conversationType === 'personal' && sender) {
          const share = await this.deps.capture.shareOptionFor(sender);
          await context.sendActivity(cardMessage(checkInCard({ cardId: this.deps.checkIns.newCardId(), purpose: 'share', share }, t)));
        } else {
          // Where others can see, the form opens privately in a dialog.
          await context.sendActivity(cardMessage(shareInvitationCard(t)));
        }
      } else if (command.kind === 'pause' || command.kind === 'resume') {
        if (sender) {
          if (command.kind === 'pause') {
            await this.deps.people.pause(sender);
            await context.sendActivity(t.t('pause.done'));
          } else {
            const next = await this.deps.people.resume(sender);
            await context.sendActivity(next ? t.t('resume.next', { when: whenFor(next, t, sender.timeZone) }) : t.t('resume.noSchedule'));
          }
        }
      } else if (command.kind === 'export-my-data' || command.kind === 'erase-my-data') {
        if (sender) await this.deps.myData.reply(context, sender, command.kind, t);
      } else if (command.kind === 'help') {
        await context.sendActivity(cardMessage(helpCard(t)));
      } else {
        await context.sendActivity(cardMessage(helpCard(t, { unknownCommand: command.text })));
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      if (teamOf(context)) await this.deps.teamFlows.installed(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const record = conversationRecordOf(context.activity);
      if (record) {
        await this.deps.people.forgetConversation(record.tenantId, record.scope, record.ownerId, record.conversationId);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = context.activity.membersAdded?.some((m) => m.id === botId);
      if (botAdded) await this.remember(context);
      // Teams announces an install both as an installation update and as the bot joining; either may come first.
      if (teamOf(context)) {
        if (botAdded) await this.deps.teamFlows.installed(context);
        await this.deps.teamFlows.membersChanged(context);
      }
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      if (teamOf(context)) await this.deps.teamFlows.membersChanged(context);
      await next();
    });
  }

  /** Every activity passes the tenant allow-list before any handler (or store) sees it. */
  override async run(context: TurnContext): Promise<void> {
    if (!isTenantAllowed(this.deps.allowedTenantIds, tenantOf(context.activity))) return refuseTenant(context, this.deps.logger);
    return super.run(context);
  }

  /** A malformed invoke is the sender's mistake: refused with a 400 before any handler reads it. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const problem = malformedInvoke(context.activity);
    if (problem) return { status: 400, body: { code: 'BadRequest', message: problem } };
    // Side by side with the answer: the press waits for the slower of the two, not for both in turn.
    const remembering = this.rememberLocale(context);
    try {
      return await super.onInvokeActivity(context);
    } finally {
      await remembering;
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return cardResponse(errorCard(t.t('error.whoAreYou'), t));
    const { verb, data } = invokeValue.action;
    try {
      switch (verb) {
        case CHECK_IN_SUBMIT_VERB:
          return cardResponse(await this.submitCheckIn(sender, data, t));
        case CHECK_IN_NOTHING_VERB: {
          const result = await this.deps.checkIns.nothingThisWeek(sender, data);
          return cardResponse(result.ok ? nothingThisWeekCard({ streak: result.streak }, t) : errorCard(t.t('error.notYourCheckIn'), t));
        }
        case CHECK_IN_SNOOZE_VERB: {
          const result = await this.deps.checkIns.snooze(sender, data);
          return cardResponse(
            result.ok ? snoozedCard({ when: whenFor(result.at, t, sender.timeZone) }, t) : errorCard(t.t('error.notYourCheckIn'), t),
          );
        }
        case CHECK_IN_NEW_VERB:
          return cardResponse(await this.freshCheckIn(sender, t));
        case GOAL_NEW_VERB:
          return cardResponse(goalFormCard(t));
        case GOAL_SUBMIT_VERB: {
          const result = await this.deps.goals.add(sender, data, t);
          return cardResponse(
            result.status === 'saved' ? goalSavedCard(result.goal, t) : goalFormCard(t, { values: result.values, errors: result.errors }),
          );
        }
        case TEAM_SETUP_OPEN_VERB:
          return await this.deps.teamFlows.openSetup(context);
        case TEAM_SETUP_SUBMIT_VERB:
          return await this.deps.teamFlows.submitSetup(context, data);
        case DIGEST_NUDGE_VERB:
          return cardResponse(await this.nudgeFromDigest(sender, data, t));
        case COACHING_ANSWER_VERB:
          return cardResponse((await this.deps.coaching.answer(sender, data, t)) ?? errorCard(t.t('error.notYourCoaching'), t));
        case NUDGE_REPLY_VERB:
          return cardResponse(await this.replyToNudge(sender, data, t));
        case MY_DATA_ERASE_VERB:
          return cardResponse(await this.deps.myData.erase(context, sender, data, t));
        default:
          if (SHARE_VERBS.includes(verb)) return await shareCardAction(this.deps.sharing, sender, verb, data, t);
          return cardResponse(errorCard(t.t('error.unsupportedButton'), t));
      }
    } catch (error) {
      this.deps.logger.error({ err: error, verb }, 'card action failed');
      // Whatever failed, the learner's answers come back on the card so nothing they typed is lost.
      if (verb === CHECK_IN_SUBMIT_VERB) {
        const cardId =
          typeof (data as { cardId?: unknown })?.cardId === 'string'
            ? String((data as { cardId: string }).cardId)
            : this.deps.checkIns.newCardId();
        const share = shareChoiceValuesFrom(data);
        return cardResponse(
          checkInCard(
            {
              cardId,
              values: checkInValuesFrom(data),
              // Storage may be what failed: the share choice comes back as made, with the team it named.
              ...(share.shareTeamId ? { share: { teams: [{ teamId: share.shareTeamId, name: '' }], values: share } } : {}),
              ...((data as { purpose?: unknown } | undefined)?.purpose === 'share' ? { purpose: 'share' as const } : {}),
              notice: t.t('checkIn.notice.saveFailed'),
            },
            t,
          ),
        );
      }
      return cardResponse(errorCard(t.t('error.tryAgain'), t));
    }
  }

  private async submitCheckIn(sender: { tenantId: string; userId: string }, data: unknown, t: BotTranslator): Promise<AdaptiveCard> {
    const purpose = (data as { purpose?: unknown } | undefined)?.purpose === 'share' ? 'share' : 'check-in';
    const result = await this.deps.capture.capture(sender, data, { shareOnly: purpose === 'share', t });
    if (result.status === 'invalid') {
      return checkInCard(
        {
          cardId: result.cardId,
          values: result.values,
          errors: result.errors,
          share: result.share,
          goals: result.goals,
          recommendations: result.recommendations,
          purpose,
          ...(result.cycle ? { cycle: result.cycle } : {}),
          ...(result.previous ? { previous: result.previous } : {}),
        },
        t,
      );
    }
    return checkInSavedCard({ entry: result.entry, streak: result.streak, ...(result.shared ? { shared: result.shared } : {}) }, t);
  }

  /** A check-in card asking about the learner's open goals and offering to share. */
  private async freshCheckIn(learner: { tenantId: string; userId: string }, t: BotTranslator): Promise<AdaptiveCard> {
    const [share, goals, recommendations] = await Promise.all([
      this.deps.capture.shareOptionFor(learner),
      this.deps.capture.goalsOptionFor(learner),
      this.deps.capture.recommendationsOptionFor(learner),
    ]);
    return checkInCard({ cardId: this.deps.checkIns.newCardId(), share, goals, recommendations }, t);
  }

  /** "Nudge <name>" on a lead's digest: the nudge goes, and the digest says so. */
  private async nudgeFromDigest(lead: { tenantId: string; userId: string }, data: unknown, t: BotTranslator): Promise<AdaptiveCard> {
    const parsed = digestNudgeSchema.safeParse(data);
    if (!parsed.success) return errorCard(t.t('error.unknownButton'), t);
    const { teamId, userId } = parsed.data;
    let notice: string;
    try {
      const nudge = await this.deps.nudges.nudge(lead, teamId, userId, { note: null });
      notice = t.t(nudge.delivered ? 'nudge.sent' : 'nudge.notDelivered', { name: nudge.learnerName });
    } catch (error) {
      const problem = nudgeRefusal(error);
      if (!problem) throw error;
      notice = t.t(problem);
    }
    try {
      return (await this.deps.digests.cardFor(lead, teamId, undefined, notice, t)) ?? errorCard(notice, t);
    } catch (error) {
      // Someone outside the team has no digest of it to redraw: the refusal is the whole answer.
      if (error instanceof NotAllowedError) return errorCard(notice, t);
      throw error;
    }
  }

  private async replyToNudge(sender: { tenantId: string; userId: string }, data: unknown, t: BotTranslator): Promise<AdaptiveCard> {
    const parsed = nudgeReplySchema.safeParse(data);
    if (!parsed.success) return errorCard(t.t('error.unknownReply'), t);
    const card = await this.deps.nudges.reply(sender, parsed.data.teamId, parsed.data.nudgeId, parsed.data.answer, t);
    return card ?? errorCard(t.t('error.notYourNudge'), t);
  }

  /** "Share learning" from the compose box, "Save as learning" on a message. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    if (action.commandId === SAVE_MESSAGE_COMMAND)
      return this.deps.dialogs.open(sender, 'save-message', t, { message: action.messagePayload?.body });
    if (action.commandId === COMPOSE_SHARE_COMMAND) return this.deps.dialogs.open(sender, 'share', t, { teamId: teamOf(context)?.id });
    return { task: { type: 'message', value: t.t('error.unknownCommand') } };
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    return this.deps.dialogs.submit(sender, action.data, t);
  }

  /** The "Share learning" button on the card posted when someone types "share" in a channel. */
  protected override async handleTeamsTaskModuleFetch(context: TurnContext, _request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    return this.deps.dialogs.open(sender, 'share', t, { teamId: teamOf(context)?.id });
  }

  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    return this.deps.dialogs.submit(sender, request.data, t);
  }

  /** A card action or dialog says which language the person reads now, for the cards sent to them later. */
  private async rememberLocale(context: TurnContext): Promise<void> {
    const sender = senderOf(context.activity);
    if (!sender) return;
    try {
      await this.deps.people.noteLocale(sender, context.activity.locale);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not record the sender’s language');
    }
  }

  /** Keeps the sender's profile and this conversation's reference current, for later messages. */
  private async remember(context: TurnContext): Promise<void> {
    const sender = senderOf(context.activity);
    const record = conversationRecordOf(context.activity);
    try {
      await Promise.all([
        sender ? this.deps.people.noteSeen(sender) : undefined,
        record ? this.deps.people.rememberConversation(record) : undefined,
      ]);
    } catch (error) {
      // Answering the person matters more than refreshing what we know of them; the next message retries.
      this.deps.logger.warn({ err: error }, 'could not record the sender or conversation');
    }
  }
}

/** Why a nudge from the digest did not go, as a message key; undefined for a failure that is ours. */
function nudgeRefusal(error: unknown): BotMessageKey | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof NotAllowedError) return error.reason === 'not_member' ? 'team.setup.notMember' : 'nudge.error.notLead';
  if (error instanceof NotFoundError) return 'nudge.error.notMember';
  if (error instanceof ConflictError) return 'nudge.error.tooRecent';
  return undefined;
}

/** A time as the learner reads it: their locale, their zone. */
function whenFor(date: Date, t: BotTranslator, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(t.formatting, { dateStyle: 'full', timeStyle: 'short', timeZone: timeZone ?? 'UTC' }).format(date);
  } catch {
    return date.toUTCString();
  }
}
