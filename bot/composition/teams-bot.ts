import { myDataUrl } from '../domain/my-data-link.js';
import type { Messenger } from '../services/messenger.js';
import { cardMessage } from '../teams/card-replies.js';
import { LearningDialogs } from '../teams/learning-dialogs.js';
import { LearningLoopBot } from '../teams/learning-loop-bot.js';
import { MyDataCommands } from '../teams/my-data-commands.js';
import { TeamFlows } from '../teams/team-flows.js';
import type { ServiceBasics } from './service-basics.js';
import type { AllServices } from './services.js';

/** The Teams activity handler: messages, card verbs and install events, each handed to a service. */
export function teamsBot({ config, logger }: ServiceBasics, services: AllServices, messenger: Messenger): LearningLoopBot {
  const { ldSettings, capture, checkIns, myData } = services;
  const teamFlows = new TeamFlows({
    teams: services.teams,
    logger,
    sendCard: async (context, card) => {
      await context.sendActivity(cardMessage(card));
    },
    // The Agents Playground cannot model a team's owners; production always asks Teams.
    installerStandsInForOwner: config.mode === 'local',
    defaultCadence: (tenantId) => ldSettings.defaultCadence(tenantId),
  });
  const dialogs = new LearningDialogs({ capture, checkIns, logger });
  const myDataCommands = new MyDataCommands({ myData, messenger, myDataUrl: () => myDataUrl(config), logger });
  return new LearningLoopBot({
    checkIns,
    people: services.people,
    teamFlows,
    capture,
    sharing: services.sharing,
    dialogs,
    nudges: services.nudges,
    followUps: services.followUps,
    goals: services.goals,
    coaching: services.coaching,
    digests: services.digests,
    myData: myDataCommands,
    sharePrompts: services.sharePrompts,
    allowedTenantIds: config.allowedTenantIds,
    logger,
  });
}
