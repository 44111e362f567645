import { randomUUID } from 'node:crypto';
import { storesOver } from './service-stores.js';
import type { LeaseStore } from './store/lease-store.js';
import type { LrsSettingsStore } from './store/lrs-settings-store.js';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import { DEMO_TENANT_ID } from './demo/demo-team.js';
import { createHttpApp } from './http/create-http-app.js';
import { TeamExportService } from './services/team-export-service.js';
import type { IdentityMode } from './http/caller-identity.js';
import { ssoTokenVerifier, type CallerVerifier } from './http/sso-token-verifier.js';
import { CheckInService } from './services/check-in-service.js';
import { FollowThroughService } from './services/follow-through-service.js';
import { SharePromptService } from './services/share-prompt-service.js';
import { LearningLogService } from './services/learning-log-service.js';
import type { Clock, IdFactory } from './services/learner.js';
import { PeopleService } from './services/people-service.js';
import { tableClients, type StorageObserver } from './store/table-clients.js';
import { createAdapter } from './teams/adapter.js';
import type { BotCredentials } from './teams/channel-authentication.js';
import { cardMessage } from './teams/card-replies.js';
import { LearningLoopBot } from './teams/learning-loop-bot.js';
import type { MyDataStores } from './services/my-data-stores.js';
import { TeamFlows } from './teams/team-flows.js';
import { TeamService } from './services/team-service.js';
import { QUEUES, WorkQueue, queueClient } from './store/work-queue.js';
import { RollupService } from './services/rollup-service.js';
import { DashboardService } from './services/dashboard-service.js';
import { DuePlanner } from './services/due-planner.js';
import { Introductions } from './services/introductions.js';
import { LeadNotices } from './services/lead-notices.js';
import { CheckInScheduler } from './services/check-in-scheduler.js';
import { SendWorker } from './services/send-worker.js';
import type { SendWork } from './services/send-work.js';
import type { Messenger } from './services/messenger.js';
import { FleetSendBudget } from './services/fleet-send-budget.js';
import { SendBudgetStore } from './store/send-budget-store.js';
import { OutboundPacer } from './services/outbound-pacer.js';
import { TeamsRequests } from './teams/teams-requests.js';
import { TeamsMessenger } from './teams/teams-messenger.js';
import { SharingService } from './services/sharing-service.js';
import { CardUpdates, type CardWork } from './services/card-updates.js';
import { ShareLists } from './services/share-lists.js';
import type { SharePublisher } from './services/share-publisher.js';
import { LearningCapture } from './services/learning-capture.js';
import { TeamsSharePublisher } from './teams/teams-share-publisher.js';
import { LearningDialogs } from './teams/learning-dialogs.js';
import { NudgeService } from './services/nudge-service.js';
import { GoalService } from './services/goal-service.js';
import { ReportService } from './services/report-service.js';
import { OrgFiguresJob } from './services/org-figures-job.js';
import type { OrgFiguresStore } from './store/org-figures-store.js';
import { CoachingService } from './services/coaching-service.js';
import { OneToOneService } from './services/one-to-one-service.js';
import { RecommendationService } from './services/recommendation-service.js';
import { DigestService } from './services/digest-service.js';
import { WeeklyRoundups } from './services/weekly-roundups.js';
import { FollowUpService } from './services/follow-up-service.js';
import { BehindReminders } from './services/behind-reminders.js';
import type { FollowUpStore } from './store/follow-up-store.js';
import { dashboardUrl } from './domain/tab-links.js';
import { APP_SENDS_PER_SECOND, startBackgroundJobs } from './jobs/background-jobs.js';
import { MyDataService } from './services/my-data-service.js';
import { MyDataErasure } from './services/my-data-erasure.js';
import { ShareErasure } from './services/share-erasure.js';
import { RetentionService } from './services/retention-service.js';
import { AggregateStore } from './store/aggregate-store.js';
import { MyDataCommands } from './teams/my-data-commands.js';
import { myDataUrl } from './domain/my-data-link.js';
import { OutboxRecorder } from './services/xapi-recorder.js';
import { XapiSender } from './services/xapi-sender.js';
import { XapiBackfill } from './services/xapi-backfill.js';
import { LrsAdminService } from './services/lrs-admin-service.js';
import { LdSettingsService } from './services/ld-settings-service.js';
import type { LdSettingsStore } from './store/ld-settings-store.js';
import type { LdSettings } from './contract/ld-settings.js';
import { httpLrsClient, type LrsClient } from './services/lrs-client.js';
import type { XapiWork } from './services/xapi-work.js';
import { AuditService } from './services/audit-service.js';

export interface ServiceOptions {
  logger: Logger;
  clock?: Clock;
  newId?: IdFactory;
  /** Replaces the Microsoft key set, for tests that sign their own SSO tokens. */
  verifyCaller?: CallerVerifier;
  /** The API rate limits' clock in ms (tests hold it still); the wall clock otherwise. */
  apiRateLimitClock?: () => number;
  /** Replaces the Teams adapter's proactive sends (tests, benchmarks). */
  messenger?: Messenger;
  instanceId?: string;
  /** Told of every Table Storage request, for benchmarks that count them. */
  observeStorage?: StorageObserver;
  /** Replaces posting share cards to channels through the Teams adapter (tests). */
  sharePublisher?: SharePublisher;
  /**
   * Replaces the bot's credentials for its calls to the Bot Connector (tests: Entra ID is out of
   * reach). It also says which app ids are ours, so a double must keep that check real.
   */
  botCredentials?: BotCredentials;
  /** Replaces the HTTP client that posts statements to an LRS (tests). */
  lrsClient?: LrsClient;
  /** Teams (and leads) per page of the L&D report's tables (tests: a few, to page a small organisation). */
  reportPageSize?: number;
  /** Teams per chunk of the organisation figures job (tests: a few, to checkpoint a small organisation). */
  teamsPerChunk?: number;
  /** Tunes the xAPI sender (tests: small batches, quick retries). */
  xapiSender?: { batchSize?: number; maxAttempts?: number; retryBaseMs?: number };
}

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
  queues: { sends: WorkQueue<SendWork>; poison: WorkQueue<SendWork & { reason: string }>; xapi: WorkQueue<XapiWork> };
  /** Creates the queues, then runs the scheduler and send worker in the background; stopping them hands the send budget back. */
  startJobs(options?: { schedulerEveryMs?: number }): Promise<{ stop(): Promise<void> }>;
}

/** Wires the one service: stores → services → Teams handler and HTTP API. */
export function buildService(config: AppConfig, options: ServiceOptions): Service {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const tables = tableClients(config.storage, options.observeStorage);
  const stores = storesOver(tables);
  const xapiQueue = new WorkQueue<XapiWork>(queueClient(config.storage, QUEUES.xapi));
  const xapi = new OutboxRecorder({
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    queue: xapiQueue,
    teams: stores.teams,
    clock,
    logger: options.logger,
  });
  const rollups = new RollupService({ ...stores, rollups: stores.rollups, clock, logger: options.logger });
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
    // Built further down (it needs the chat and the audit trail); called only once requests arrive.
    followUps: { resultRecorded: (learner, at) => followUps.resultRecorded(learner, at) },
  });
  const instanceId = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  // This instance's share of each tenant's budget, leased in Table Storage beside every other instance's.
  const budgetStore = new SendBudgetStore(tables.leases);
  const budget = new FleetSendBudget({
    store: budgetStore,
    instanceId,
    logger: options.logger,
    perTenantPerSecond: APP_SENDS_PER_SECOND,
  });
  const pacer = new OutboundPacer({ budget });
  const adapter = createAdapter(config.bot, options.logger, options.botCredentials, pacer);
  const requests = new TeamsRequests(adapter, config.bot.appId ?? '');
  const messenger = options.messenger ?? new TeamsMessenger(requests);
  const publisher =
    options.sharePublisher ??
    new TeamsSharePublisher({
      requests,
      conversations: stores.conversations,
      users: stores.users,
      teams: stores.teams,
      messenger,
      logger: options.logger,
    });
  const cardUpdates = new CardUpdates({
    shares: stores.shares,
    publisher,
    queue: new WorkQueue<CardWork>(queueClient(config.storage, QUEUES.cards)),
    logger: options.logger,
  });
  const sharing = new SharingService({
    shares: stores.shares,
    teams: stores.teams,
    users: stores.users,
    publisher,
    cards: cardUpdates,
    clock,
    logger: options.logger,
    xapi,
  });
  const goals = new GoalService({ goals: stores.goals, users: stores.users, rollups, clock, newId, xapi });
  const recommendations = new RecommendationService({ recommendations: stores.recommendations, teams: stores.teams, clock });
  const orgFigures = new OrgFiguresJob({
    figures: stores.orgFigures,
    leases: stores.leases,
    teams: stores.teams,
    rollups: stores.rollups,
    shares: stores.shares,
    nudges: stores.nudges,
    followUps: stores.followUps,
    // Late bound: the L&D settings service is built after.
    followUpDays: (tenantId): Promise<number> => ldSettings.followUpDays(tenantId),
    clock,
    instanceId,
    logger: options.logger,
    newId,
    ...(options.teamsPerChunk ? { teamsPerChunk: options.teamsPerChunk } : {}),
  });
  const shareLists = new ShareLists({ shares: stores.shares, teams: stores.teams, figures: stores.orgFigures, job: orgFigures });
  const capture = new LearningCapture({ checkIns, sharing, goals, recommendations, teams: stores.teams, users: stores.users });
  // Who may read the trail is decided as for the report (reports.isAdmin); it is built before anything that records.
  const audit = new AuditService({
    trail: stores.auditTrail,
    admins: { isAdmin: (c): Promise<boolean> => reports.isAdmin(c) },
    teams: stores.teams,
    clock,
  });
  const learningLog = new LearningLogService({
    entries: stores.entries,
    teams: stores.teams,
    rollups,
    sharing,
    xapi,
    audit,
    clock,
    followUps: { resultRecorded: (learner, at) => followUps.resultRecorded(learner, at) },
  });
  const dashboards = new DashboardService({
    teams: stores.teams,
    rollups: stores.rollups,
    nudges: stores.nudges,
    // Late bound, as the report's expectations: the L&D settings are this service's.
    defaultCadence: (tenantId) => ldSettings.defaultCadence(tenantId),
    clock,
  });
  const reports = new ReportService({
    admins: stores.admins,
    configured: config.ldAdmins,
    figures: stores.orgFigures,
    // Late bound: the L&D settings' admins are this service's.
    expectations: (tenantId): Promise<LdSettings> => ldSettings.expectations(tenantId),
    job: orgFigures,
    audit,
    clock,
    ...(options.reportPageSize ? { pageSize: options.reportPageSize } : {}),
  });
  const ldSettings = new LdSettingsService({
    admins: reports,
    adminList: stores.admins,
    configured: config.ldAdmins,
    settings: stores.ldSettings,
    users: stores.users,
    audit,
    clock,
  });
  const coaching = new CoachingService({
    coaching: stores.coaching,
    shares: stores.shares,
    entries: stores.entries,
    teams: stores.teams,
    chat: publisher,
    clock,
    logger: options.logger,
    xapi,
  });
  const oneToOne = new OneToOneService({
    lists: stores.oneToOne,
    teams: stores.teams,
    entries: stores.entries,
    goals: stores.goals,
    clock,
  });
  const queues = {
    sends: new WorkQueue<SendWork>(queueClient(config.storage, QUEUES.sends)),
    poison: new WorkQueue<SendWork & { reason: string }>(queueClient(config.storage, QUEUES.poison)),
    xapi: xapiQueue,
  };
  const digests = new DigestService({
    teams: stores.teams,
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: queues.sends,
    leases: stores.leases,
    instanceId,
    dashboards,
    shareLists,
    clock,
    logger: options.logger,
    dashboardUrl: (teamId) => dashboardUrl(config, teamId),
  });
  const roundups = new WeeklyRoundups({
    teams: stores.teams,
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: queues.sends,
    shares: stores.shares,
    rollups: stores.rollups,
    conversations: stores.conversations,
    clock,
    logger: options.logger,
  });
  const behind = new BehindReminders({
    followUps: stores.followUps,
    teams: stores.teams,
    users: stores.users,
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: queues.sends,
    expectations: ldSettings,
    tabUrl: (teamId) => dashboardUrl(config, teamId),
    clock,
  });
  const followUps = new FollowUpService({
    followUps: stores.followUps,
    nudges: stores.nudges,
    teams: stores.teams,
    dueIndex: stores.dueIndex,
    chat: publisher,
    audit,
    expectations: ldSettings,
    behind,
    clock,
    logger: options.logger,
  });
  const nudges = new NudgeService({
    nudges: stores.nudges,
    teams: stores.teams,
    rollups: stores.rollups,
    chat: publisher,
    clock,
    logger: options.logger,
    xapi,
    followUps,
  });
  const followThrough = new FollowThroughService({
    entries: stores.entries,
    teams: stores.teams,
    rollups: stores.rollups,
    chat: publisher,
    audit,
    clock,
    logger: options.logger,
  });
  const sharePrompts = new SharePromptService({
    entries: stores.entries,
    users: stores.users,
    asks: stores.shareAsks,
    teams: stores.teams,
    sharing,
    chat: publisher,
    audit,
    clock,
    logger: options.logger,
  });
  const lrs = new LrsAdminService({
    admins: reports,
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    queue: xapiQueue,
    settingsChanged: (tenantId) => xapi.forget(tenantId),
    allowList: config.lrsAllowList,
    audit,
    clock,
  });
  const xapiBackfill = new XapiBackfill({ ...stores, settings: stores.lrs, outbox: stores.xapiOutbox, clock, logger: options.logger });
  const xapiSender = new XapiSender({
    queue: xapiQueue,
    settings: stores.lrs,
    outbox: stores.xapiOutbox,
    lrs: options.lrsClient ?? httpLrsClient({ allowPrivate: config.mode === 'local', allowList: config.lrsAllowList }),
    backfill: xapiBackfill,
    clock,
    logger: options.logger,
    ...options.xapiSender,
  });
  const shareErasure = new ShareErasure({ shares: stores.shares, publisher, logger: options.logger, roundups });
  const teamExports = new TeamExportService({ ...stores, audit, clock });
  const myData = new MyDataService({
    stores,
    erasure: new MyDataErasure({ stores, shares: shareErasure, audit, logger: options.logger, failedSends: queues.poison }),
    clock,
  });

  const identity: IdentityMode = config.acceptDemoIdentities
    ? { kind: 'local', displayNameOf: async (learner) => (await people.profile(learner))?.displayName }
    : {
        kind: 'sso',
        verify: options.verifyCaller ?? ssoTokenVerifier({ clientId: config.ssoClientId ?? '', allowedTenantIds: config.allowedTenantIds }),
      };

  const introductions = new Introductions({ sends: stores.sends, queue: queues.sends, clock });
  const leadNotices = new LeadNotices({ teams: stores.teams, sends: stores.sends, queue: queues.sends, clock });
  const teamService = new TeamService({ teams: stores.teams, clock, planner, introductions, leadNotices, audit, roundups, digests });
  const teamFlows = new TeamFlows({
    teams: teamService,
    logger: options.logger,
    sendCard: async (context, card) => {
      await context.sendActivity(cardMessage(card));
    },
    // The Agents Playground cannot model a team's owners; production always asks Teams.
    installerStandsInForOwner: config.mode === 'local',
    defaultCadence: (tenantId) => ldSettings.defaultCadence(tenantId),
  });
  const dialogs = new LearningDialogs({ capture, checkIns, logger: options.logger });
  const myDataCommands = new MyDataCommands({ myData, messenger, myDataUrl: () => myDataUrl(config), logger: options.logger });
  const bot = new LearningLoopBot({
    checkIns,
    people,
    teamFlows,
    capture,
    sharing,
    dialogs,
    nudges,
    followUps,
    goals,
    coaching,
    digests,
    myData: myDataCommands,
    sharePrompts,
    allowedTenantIds: config.allowedTenantIds,
    logger: options.logger,
  });
  const app = createHttpApp({
    adapter,
    bot,
    api: {
      identity,
      learningLog,
      people,
      teams: teamService,
      dashboards,
      checkIns,
      sharing,
      shareLists,
      nudges,
      followUps,
      goals,
      reports,
      coaching,
      recommendations,
      myData,
      teamExports,
      followThrough,
      sharePrompts,
      lrs,
      ldSettings,
      audit,
      oneToOne,
      ...(config.acceptDemoIdentities ? { localTenantIds: [DEMO_TENANT_ID] } : {}),
    },
    tabDistDir: config.tabDistDir,
    apiRateLimitPerMinute: config.apiRateLimitPerMinute,
    now: options.apiRateLimitClock ?? Date.now,
    mode: config.mode,
    logger: options.logger,
  });
  const scheduler = new CheckInScheduler({
    leases: stores.leases,
    dueIndex: stores.dueIndex,
    sends: stores.sends,
    queue: queues.sends,
    planner,
    roundups,
    digests,
    behind,
    clock,
    instanceId,
    logger: options.logger,
  });
  const worker = new SendWorker({
    queue: queues.sends,
    poison: queues.poison,
    sends: stores.sends,
    entries: stores.entries,
    dueIndex: stores.dueIndex,
    users: stores.users,
    teams: stores.teams,
    conversations: stores.conversations,
    rollups,
    goals: capture,
    digests,
    roundups,
    followUps,
    behind,
    messenger,
    clock,
    logger: options.logger,
    pacer,
    // A send takes well under a second; a worker that died mid-send is replaced within this.
    claimSeconds: 15,
  });
  const retentionDays = config.retentionDays;
  const retention =
    retentionDays === undefined
      ? undefined
      : new RetentionService({
          ...stores,
          days: retentionDays,
          aggregates: new AggregateStore(tables.aggregates),
          clock,
          logger: options.logger,
        });
  return {
    app,
    stores,
    rollups,
    services: {
      checkIns,
      learningLog,
      people,
      teams: teamService,
      dashboards,
      sharing,
      shareLists,
      capture,
      nudges,
      followUps,
      goals,
      reports,
      coaching,
      recommendations,
      digests,
      roundups,
      myData,
      lrs,
      ldSettings,
      audit,
      sharePrompts,
      oneToOne,
    },
    retention,
    planner,
    scheduler,
    worker,
    xapiSender,
    xapiBackfill,
    orgFigures,
    queues,
    async startJobs(jobOptions = {}) {
      await Promise.all([queues.sends.create(), queues.poison.create(), queues.xapi.create(), budgetStore.forgetEarlierRegistry()]);
      return startBackgroundJobs({
        scheduler,
        worker,
        budget,
        cards: cardUpdates,
        digests,
        xapi: xapiSender,
        orgFigures,
        ...(retention ? { retention: { runDue: () => retention.runDue(instanceId) } } : {}),
        logger: options.logger,
        ...jobOptions,
      });
    },
  };
}
