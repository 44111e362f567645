import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { errorCard } from '../cards/error-card.js';
import { botTranslator } from '../i18n/bot-messages.js';
import { senderOf } from './activity-people.js';
import type { CardActionContext, CardActionRoute } from './card-action-route.js';
import { cardResponse } from './card-replies.js';
import { actionAnswerActions } from './action-answer-actions.js';
import { checkInActions, type CheckInActionsDeps } from './check-in-actions.js';
import { goalActions } from './goal-actions.js';
import { myDataActions, type MyDataCommands } from './my-data-commands.js';
import { nudgeActions } from './nudge-actions.js';
import { followUpActions } from './follow-up-actions.js';
import { shareCardActions } from './share-card-actions.js';
import { sharePromptActions } from './share-prompt-actions.js';
import type { SharePromptService } from '../services/share-prompt-service.js';
import type { TeamFlows } from './team-flows.js';
import { teamSetupActions } from './team-setup-actions.js';
import type { CoachingService } from '../services/coaching-service.js';
import type { DigestService } from '../services/digest-service.js';
import type { GoalService } from '../services/goal-service.js';
import type { NudgeService } from '../services/nudge-service.js';
import type { FollowUpService } from '../services/follow-up-service.js';
import type { SharingService } from '../services/sharing-service.js';

export interface CardActionDeps extends CheckInActionsDeps {
  goals: GoalService;
  teamFlows: TeamFlows;
  nudges: NudgeService;
  followUps: FollowUpService;
  digests: DigestService;
  coaching: CoachingService;
  sharing: SharingService;
  myData: MyDataCommands;
  sharePrompts: SharePromptService;
}

/** Every row, grouped by feature. */
export function cardActionTable(deps: CardActionDeps): CardActionRoute[][] {
  return [
    checkInActions(deps),
    actionAnswerActions(deps),
    goalActions(deps),
    teamSetupActions(deps.teamFlows),
    nudgeActions(deps),
    followUpActions(deps),
    shareCardActions(deps.sharing),
    sharePromptActions(deps),
    myDataActions(deps.myData),
  ];
}

/**
 * The verb table: every `Action.Execute` verb the bot answers, each with its schema and handler.
 * A press is parsed once, here; the handler sees only the typed command.
 */
export class CardActions {
  private readonly routes = new Map<string, CardActionRoute>();

  constructor(
    routes: ReadonlyArray<readonly CardActionRoute[]>,
    private readonly logger: Logger,
  ) {
    for (const route of routes.flat()) {
      if (this.routes.has(route.verb)) throw new Error(`The card verb ${route.verb} has two handlers`);
      this.routes.set(route.verb, route);
    }
  }

  /** The verbs answered, for tests that walk every one. */
  get verbs(): string[] {
    return [...this.routes.keys()];
  }

  async answer(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const sender = senderOf(context.activity);
    const t = botTranslator(context.activity.locale);
    if (!sender) return cardResponse(errorCard(t.t('error.whoAreYou'), t));
    const { verb, data } = invokeValue.action;
    const route = typeof verb === 'string' ? this.routes.get(verb) : undefined;
    if (!route) return cardResponse(errorCard(t.t('error.unsupportedButton'), t));
    const ctx: CardActionContext = { context, sender, t };
    try {
      const parsed = route.schema.safeParse(data);
      if (!parsed.success) return route.refused ? await route.refused(data, ctx) : cardResponse(errorCard(t.t('error.unknownButton'), t));
      try {
        return await route.handle(parsed.data, ctx);
      } catch (error) {
        this.logger.error({ err: error, verb }, 'card action failed');
        return route.failed ? route.failed(parsed.data, ctx) : cardResponse(errorCard(t.t('error.tryAgain'), t));
      }
    } catch (error) {
      // A refusal that itself failed (it may read the store): still an answer, never a 500.
      this.logger.error({ err: error, verb }, 'card action failed');
      return cardResponse(errorCard(t.t('error.tryAgain'), t));
    }
  }
}
