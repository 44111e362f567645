import type { Express } from 'express';
import type { AppConfig } from './config.js';
import { serviceBasics, type ServiceQueues } from './composition/service-basics.js';
import type { ServiceOptions } from './composition/service-options.js';
import { allServices } from './composition/services.js';
import { backgroundJobs } from './composition/jobs.js';
import { httpApp } from './composition/http-app.js';
import { teamsBot } from './composition/teams-bot.js';
import { teamsSide } from './composition/teams-side.js';
import type { AuditService } from './services/audit-service.js';
import type { CheckInScheduler } from './services/check-in-scheduler.js';
import type { CheckInService } from './services/check-in-service.js';
import type { CoachingService } from './services/coaching-service.js';
import type { DashboardService } from './services/dashboard-service.js';
import type { DigestService } from './services/digest-service.js';
import type { DuePlanner } from './services/due-planner.js';
import type { FollowUpService } from './services/follow-up-service.js';
import type { GoalService } from './services/goal-service.js';
import type { LdSettingsService } from './services/ld-settings-service.js';
import type { LearningCapture } from './services/learning-capture.js';
import type { LearningLogService } from './services/learning-log-service.js';
import type { LrsAdminService } from './services/lrs-admin-service.js';
import type { MyDataService } from './services/my-data-service.js';
import type { MyDataStores } from './services/my-data-stores.js';
import type { NudgeService } from './services/nudge-service.js';
import type { OneToOneService } from './services/one-to-one-service.js';
import type { OrgFiguresJob } from './services/org-figures-job.js';
import type { PeopleService } from './services/people-service.js';
import type { RecommendationService } from './services/recommendation-service.js';
import type { ReportService } from './services/report-service.js';
import type { RetentionService } from './services/retention-service.js';
import type { RollupService } from './services/rollup-service.js';
import type { SendWorker } from './services/send-worker.js';
import type { ShareLists } from './services/share-lists.js';
import type { SharePromptService } from './services/share-prompt-service.js';
import type { SharingService } from './services/sharing-service.js';
import type { TeamService } from './services/team-service.js';
import type { WeeklyRoundups } from './services/weekly-roundups.js';
import type { XapiBackfill } from './services/xapi-backfill.js';
import type { XapiSender } from './services/xapi-sender.js';
import type { FollowUpStore } from './store/follow-up-store.js';
import type { LdSettingsStore } from './store/ld-settings-store.js';
import type { LeaseStore } from './store/lease-store.js';
import type { LrsSettingsStore } from './store/lrs-settings-store.js';
import type { OrgFiguresStore } from './store/org-figures-store.js';

export type { ServiceOptions };

export interface Service {
  app: Express;
  /** Every store a person's records can be in, the scheduler's leases and the tenants' LRS settings. */
  stores: MyDataStores & {
    leases: LeaseStore;
    lrs: LrsSettingsStore;
    ldSettings: LdSettingsStore;
    orgFigures: OrgFiguresStore;
    followUps: FollowUpStore;
  };
  /** Keeps the dashboard's rollups current; the demo seed writes through it too. */
  rollups: RollupService;
  /** The services the bot and the API call, for tests and benchmarks that drive them directly. */
  services: {
    checkIns: CheckInService;
    learningLog: LearningLogService;
    people: PeopleService;
    teams: TeamService;
    dashboards: DashboardService;
    sharing: SharingService;
    shareLists: ShareLists;
    capture: LearningCapture;
    nudges: NudgeService;
    followUps: FollowUpService;
    goals: GoalService;
    reports: ReportService;
    coaching: CoachingService;
    recommendations: RecommendationService;
    digests: DigestService;
    roundups: WeeklyRoundups;
    myData: MyDataService;
    lrs: LrsAdminService;
    /** What L&D asks of leaders: the follow-up expectation, new teams' cadence, the report's flag. */
    ldSettings: LdSettingsService;
    /** The audit trail: services record into it, L&D admins read it. */
    audit: AuditService;
    /** Offers to share, and leads' requests to. */
    sharePrompts: SharePromptService;
    oneToOne: OneToOneService;
  };
  /** Deletes raw records past RETENTION_DAYS, keeping anonymous team totals; undefined when everything is kept. */
  retention: RetentionService | undefined;
  planner: DuePlanner;
  scheduler: CheckInScheduler;
  worker: SendWorker;
  /** Sends each tenant's xAPI statements to its Learning Record Store. */
  xapiSender: XapiSender;
  /** Turns a tenant's history into statements, a slice at a time (the sender runs one per backfill message). */
  xapiBackfill: XapiBackfill;
  /** Computes each organisation's report and top resources (`runTenant` does one whole pass). */
  orgFigures: OrgFiguresJob;
  queues: ServiceQueues;
  /** Creates the queues, then runs the scheduler and send worker in the background; stopping them hands the send budget back. */
  startJobs(options?: { schedulerEveryMs?: number }): Promise<{ stop(): Promise<void> }>;
}

/** Wires the one service: stores → services → Teams handler and HTTP API (each part is built in bot/composition/). */
export function buildService(config: AppConfig, options: ServiceOptions): Service {
  const basics = serviceBasics(config, options);
  const teams = teamsSide(basics, options);
  const services = allServices(basics, options, teams);
  const bot = teamsBot(basics, services, teams.messenger);
  const app = httpApp(basics, options, services, { adapter: teams.adapter, bot });
  const { scheduler, worker, startJobs } = backgroundJobs(basics, teams, services);
  return {
    app,
    stores: basics.stores,
    rollups: services.rollups,
    services: {
      checkIns: services.checkIns,
      learningLog: services.learningLog,
      people: services.people,
      teams: services.teams,
      dashboards: services.dashboards,
      sharing: services.sharing,
      shareLists: services.shareLists,
      capture: services.capture,
      nudges: services.nudges,
      followUps: services.followUps,
      goals: services.goals,
      reports: services.reports,
      coaching: services.coaching,
      recommendations: services.recommendations,
      digests: services.digests,
      roundups: services.roundups,
      myData: services.myData,
      lrs: services.lrs,
      ldSettings: services.ldSettings,
      audit: services.audit,
      sharePrompts: services.sharePrompts,
      oneToOne: services.oneToOne,
    },
    retention: services.retention,
    planner: services.planner,
    scheduler,
    worker,
    xapiSender: services.xapiSender,
    xapiBackfill: services.xapiBackfill,
    orgFigures: services.orgFigures,
    queues: basics.queues,
    startJobs,
  };
}
