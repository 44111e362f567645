import type { AuditService } from '../services/audit-service.js';
import { BehindReminders } from '../services/behind-reminders.js';
import type { DashboardService } from '../services/dashboard-service.js';
import { DigestService } from '../services/digest-service.js';
import type { DuePlanner } from '../services/due-planner.js';
import { FollowThroughService } from '../services/follow-through-service.js';
import { FollowUpService } from '../services/follow-up-service.js';
import { Introductions } from '../services/introductions.js';
import type { LdSettingsService } from '../services/ld-settings-service.js';
import { LeadNotices } from '../services/lead-notices.js';
import { NudgeService } from '../services/nudge-service.js';
import type { ShareLists } from '../services/share-lists.js';
import { SharePromptService } from '../services/share-prompt-service.js';
import type { SharePublisher } from '../services/share-publisher.js';
import type { SharingService } from '../services/sharing-service.js';
import { TeamService } from '../services/team-service.js';
import type { OutboxRecorder } from '../services/xapi-recorder.js';
import { WeeklyRoundups } from '../services/weekly-roundups.js';
import { dashboardUrl } from '../domain/tab-links.js';
import type { ServiceBasics } from './service-basics.js';

export interface OutreachNeeds {
  publisher: SharePublisher;
  planner: DuePlanner;
  dashboards: DashboardService;
  shareLists: ShareLists;
  sharing: SharingService;
  ldSettings: LdSettingsService;
  audit: AuditService;
  xapi: OutboxRecorder;
}

/**
 * What reaches people without their asking: teams set up and introduced, leads' nudges and their
 * follow-ups, follow-through, share prompts, and the weekly digests, roundups and behind-reminders.
 */
export function outreachServices(basics: ServiceBasics, needs: OutreachNeeds) {
  const { config, stores, queues, clock, instanceId, logger } = basics;
  const { publisher, planner, dashboards, shareLists, sharing, ldSettings, audit, xapi } = needs;
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
    logger,
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
    logger,
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
    logger,
  });
  const nudges = new NudgeService({
    nudges: stores.nudges,
    teams: stores.teams,
    rollups: stores.rollups,
    chat: publisher,
    clock,
    logger,
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
    logger,
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
    logger,
  });
  const introductions = new Introductions({ sends: stores.sends, queue: queues.sends, clock });
  const leadNotices = new LeadNotices({ teams: stores.teams, sends: stores.sends, queue: queues.sends, clock });
  const teams = new TeamService({ teams: stores.teams, clock, planner, introductions, leadNotices, audit, roundups, digests });
  return { digests, roundups, behind, followUps, nudges, followThrough, sharePrompts, teams };
}
