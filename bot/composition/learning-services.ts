import type { AuditService } from '../services/audit-service.js';
import { CardUpdates, type CardWork } from '../services/card-updates.js';
import { CheckInService } from '../services/check-in-service.js';
import { CoachingService } from '../services/coaching-service.js';
import { DashboardService } from '../services/dashboard-service.js';
import { DuePlanner } from '../services/due-planner.js';
import type { LdSettingsService } from '../services/ld-settings-service.js';
import type { FollowUpService } from '../services/follow-up-service.js';
import { GoalService } from '../services/goal-service.js';
import { LearningCapture } from '../services/learning-capture.js';
import { LearningLogService } from '../services/learning-log-service.js';
import { OneToOneService } from '../services/one-to-one-service.js';
import type { OrgFiguresJob } from '../services/org-figures-job.js';
import { PeopleService } from '../services/people-service.js';
import { RecommendationService } from '../services/recommendation-service.js';
import { RollupService } from '../services/rollup-service.js';
import { ShareLists } from '../services/share-lists.js';
import type { SharePublisher } from '../services/share-publisher.js';
import { SharingService } from '../services/sharing-service.js';
import { OutboxRecorder } from '../services/xapi-recorder.js';
import { QUEUES, WorkQueue, queueClient } from '../store/work-queue.js';
import type { ServiceBasics } from './service-basics.js';

export interface LearningNeeds {
  publisher: SharePublisher;
  orgFigures: OrgFiguresJob;
  audit: AuditService;
  /** Built after these (it needs the chat and the audit trail); called only once requests arrive. */
  followUps: Pick<FollowUpService, 'resultRecorded'>;
  /** L&D's cadence for new teams, which a never set-up team's schedule form starts at. */
  ldSettings: Pick<LdSettingsService, 'defaultCadence'>;
}

/** What learners do and leads see of it: check-ins, the log, goals, shares, recommendations, coaching and the dashboard. */
export function learningServices(basics: ServiceBasics, needs: LearningNeeds) {
  const { config, stores, queues, clock, newId, logger } = basics;
  const { publisher, orgFigures, audit, followUps, ldSettings } = needs;
  const xapi = new OutboxRecorder({
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    queue: queues.xapi,
    teams: stores.teams,
    clock,
    logger,
  });
  const rollups = new RollupService({ ...stores, rollups: stores.rollups, clock, logger });
  const planner = new DuePlanner({ teams: stores.teams, users: stores.users, dueIndex: stores.dueIndex });
  const people = new PeopleService({ users: stores.users, conversations: stores.conversations, clock, planner, rollups });
  const checkIns = new CheckInService({
    entries: stores.entries,
    sends: stores.sends,
    dueIndex: stores.dueIndex,
    rollups,
    clock,
    newId,
    xapi,
    followUps,
  });
  const cardUpdates = new CardUpdates({
    shares: stores.shares,
    publisher,
    queue: new WorkQueue<CardWork>(queueClient(config.storage, QUEUES.cards)),
    logger,
  });
  const sharing = new SharingService({
    shares: stores.shares,
    teams: stores.teams,
    users: stores.users,
    publisher,
    cards: cardUpdates,
    clock,
    logger,
    xapi,
  });
  const goals = new GoalService({ goals: stores.goals, users: stores.users, rollups, clock, newId, xapi });
  const recommendations = new RecommendationService({ recommendations: stores.recommendations, teams: stores.teams, clock });
  const shareLists = new ShareLists({ shares: stores.shares, teams: stores.teams, figures: stores.orgFigures, job: orgFigures });
  const capture = new LearningCapture({ checkIns, sharing, goals, recommendations, teams: stores.teams, users: stores.users });
  const learningLog = new LearningLogService({
    entries: stores.entries,
    teams: stores.teams,
    rollups,
    sharing,
    xapi,
    audit,
    clock,
    followUps,
  });
  const dashboards = new DashboardService({
    teams: stores.teams,
    rollups: stores.rollups,
    nudges: stores.nudges,
    defaultCadence: (tenantId) => ldSettings.defaultCadence(tenantId),
    clock,
  });
  const coaching = new CoachingService({
    coaching: stores.coaching,
    shares: stores.shares,
    entries: stores.entries,
    teams: stores.teams,
    chat: publisher,
    clock,
    logger,
    xapi,
  });
  const oneToOne = new OneToOneService({
    lists: stores.oneToOne,
    teams: stores.teams,
    entries: stores.entries,
    goals: stores.goals,
    clock,
  });
  return {
    xapi,
    rollups,
    planner,
    people,
    checkIns,
    cardUpdates,
    sharing,
    goals,
    recommendations,
    shareLists,
    capture,
    learningLog,
    dashboards,
    coaching,
    oneToOne,
  };
}
