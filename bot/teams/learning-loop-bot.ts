import {
  TeamsActivityHandler,
  TurnContext,
  type ChannelInfo,
  type TeamInfo,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import { botTranslator } from '../i18n/bot-messages.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { CoachingService } from '../services/coaching-service.js';
import type { DigestService } from '../services/digest-service.js';
import type { GoalService } from '../services/goal-service.js';
import type { LearningCapture } from '../services/learning-capture.js';
import type { NudgeService } from '../services/nudge-service.js';
import type { FollowUpService } from '../services/follow-up-service.js';
import type { PeopleService } from '../services/people-service.js';
import type { SharingService } from '../services/sharing-service.js';
import { senderOf, tenantOf } from './activity-people.js';
import { CardActions, cardActionTable } from './card-actions.js';
import { dialogFormOf, invitedDialogOf } from './check-in-form.js';
import { parseCommand } from './command-parser.js';
import { answerTypedCommand } from './typed-commands.js';
import { conversationRecordOf } from './conversation-records.js';
import { malformedInvoke } from './invoke-envelope.js';
import { COMPOSE_SHARE_COMMAND, SAVE_MESSAGE_COMMAND, type LearningDialogs } from './learning-dialogs.js';
import type { MyDataCommands } from './my-data-commands.js';
import type { SharePromptService } from '../services/share-prompt-service.js';
import { teamOf } from './team-context.js';
import type { TeamFlows } from './team-flows.js';
import { isTenantAllowed, refuseTenant } from './tenant-gate.js';

export interface LearningLoopBotDeps {
  checkIns: CheckInService;
  people: PeopleService;
  teamFlows: TeamFlows;
  capture: LearningCapture;
  sharing: SharingService;
  dialogs: LearningDialogs;
  nudges: NudgeService;
  followUps: FollowUpService;
  goals: GoalService;
  coaching: CoachingService;
  digests: DigestService;
  myData: MyDataCommands;
  /** Offers to share: on the saved card, and a lead's requests. */
  sharePrompts: SharePromptService;
  /** Lower-case tenant ids the bot serves; unset serves every tenant that installed it. */
  allowedTenantIds?: readonly string[] | undefined;
  logger: Logger;
}

/** Routes what Teams sends to the services; holds no state and makes no storage calls itself. */
export class LearningLoopBot extends TeamsActivityHandler {
  private readonly cardActions: CardActions;

  constructor(private readonly deps: LearningLoopBotDeps) {
    super();
    this.cardActions = new CardActions(cardActionTable(deps), deps.logger);

    this.onMessage(async (context, next) => {
      await this.remember(context);
      const command = parseCommand(TurnContext.removeRecipientMention(context.activity) ?? context.activity.text);
      await answerTypedCommand(this.deps, context, command);
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

    // The team's channels, kept so a shares channel is checked against them on every path.
    const channelChanged =
      (gone: boolean) => async (channel: ChannelInfo, _team: TeamInfo, context: TurnContext, next: () => Promise<void>) => {
        await this.deps.teamFlows.channelChanged(context, channel, gone);
        await next();
      };
    this.onTeamsChannelCreatedEvent(channelChanged(false));
    this.onTeamsChannelRenamedEvent(channelChanged(false));
    this.onTeamsChannelRestoredEvent(channelChanged(false));
    this.onTeamsChannelDeletedEvent(channelChanged(true));
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
    return this.cardActions.answer(context, invokeValue);
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
    return this.deps.dialogs.submit(sender, dialogFormOf(action.data), t);
  }

  /** The button on the card posted when someone types "share" or "check in" in a channel or group chat. */
  protected override async handleTeamsTaskModuleFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    return this.deps.dialogs.open(sender, invitedDialogOf(request.data), t, { teamId: teamOf(context)?.id });
  }

  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return { task: { type: 'message', value: t.t('error.whoAreYou') } };
    return this.deps.dialogs.submit(sender, dialogFormOf(request.data), t);
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
