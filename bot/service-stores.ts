import type { tableClients } from './store/table-clients.js';
import { EntryStore } from './store/entry-store.js';
import { UserStore } from './store/user-store.js';
import { ConversationStore } from './store/conversation-store.js';
import { TeamStore } from './store/team-store.js';
import { SendStore } from './store/send-store.js';
import { DueIndexStore } from './store/due-index-store.js';
import { LeaseStore } from './store/lease-store.js';
import { RollupStore } from './store/rollup-store.js';
import { ShareStore } from './store/share-store.js';
import { NudgeStore } from './store/nudge-store.js';
import { FollowUpStore } from './store/follow-up-store.js';
import { GoalStore } from './store/goal-store.js';
import { AdminStore } from './store/admin-store.js';
import { CoachingStore } from './store/coaching-store.js';
import { RecommendationStore } from './store/recommendation-store.js';
import { DigestStore } from './store/digest-store.js';
import { LrsSettingsStore } from './store/lrs-settings-store.js';
import { LdSettingsStore } from './store/ld-settings-store.js';
import { XapiOutboxStore } from './store/xapi-outbox-store.js';
import { AuditStore } from './store/audit-store.js';
import { OrgFiguresStore } from './store/org-figures-store.js';
import { ShareAskStore } from './store/share-ask-store.js';
import { OneToOneStore } from './store/one-to-one-store.js';

/** One repository per table, over the service's table clients: what the services are built on. */
export function storesOver(tables: ReturnType<typeof tableClients>) {
  return {
    entries: new EntryStore(tables.entries),
    users: new UserStore(tables.users),
    conversations: new ConversationStore(tables.conversations),
    teams: new TeamStore(tables.teams, tables.memberships),
    sends: new SendStore(tables.sends),
    dueIndex: new DueIndexStore(tables.dueIndex),
    leases: new LeaseStore(tables.leases),
    rollups: new RollupStore(tables.rollups),
    shares: new ShareStore(tables.shares),
    nudges: new NudgeStore(tables.nudges),
    // Beside the nudges they came from, in each team's partition of the same table.
    followUps: new FollowUpStore(tables.nudges),
    goals: new GoalStore(tables.goals),
    admins: new AdminStore(tables.admins),
    coaching: new CoachingStore(tables.coaching),
    recommendations: new RecommendationStore(tables.recommendations),
    digests: new DigestStore(tables.digests),
    lrs: new LrsSettingsStore(tables.lrs),
    // Beside the LRS settings: the table holds each tenant's settings.
    ldSettings: new LdSettingsStore(tables.lrs),
    xapiOutbox: new XapiOutboxStore(tables.xapiOutbox, tables.xapiSent),
    // Not `audit`: that name is the services' AuditLog, which records into this store.
    auditTrail: new AuditStore(tables.audit),
    orgFigures: new OrgFiguresStore(tables.orgFigures),
    shareAsks: new ShareAskStore(tables.shareAsks),
    oneToOne: new OneToOneStore(tables.oneToOne),
  };
}
