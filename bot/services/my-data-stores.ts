import type { AdminStore } from '../store/admin-store.js';
import type { CoachingStore } from '../store/coaching-store.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { DigestStore } from '../store/digest-store.js';
import type { DueIndexStore } from '../store/due-index-store.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RecommendationStore } from '../store/recommendation-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { SendStore } from '../store/send-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { AuditStore } from '../store/audit-store.js';
import type { OrgFiguresStore } from '../store/org-figures-store.js';
import type { ShareAskStore } from '../store/share-ask-store.js';
import type { OneToOneStore } from '../store/one-to-one-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';

/** Every store that can hold something of a person's: exporting and erasing their data reads or changes each. */
export interface MyDataStores {
  entries: EntryStore;
  users: UserStore;
  conversations: ConversationStore;
  teams: TeamStore;
  sends: SendStore;
  dueIndex: DueIndexStore;
  rollups: RollupStore;
  shares: ShareStore;
  nudges: NudgeStore;
  /** Follow-ups their answers opened (theirs, kept beside the nudge) or that they owe or closed as a lead. */
  followUps: FollowUpStore;
  goals: GoalStore;
  admins: AdminStore;
  coaching: CoachingStore;
  recommendations: RecommendationStore;
  digests: DigestStore;
  /** Statements about them waiting for, or done with, the organisation's LRS. */
  xapiOutbox: XapiOutboxStore;
  /** The audit trail: events they did or that touched them name them until their erasure writes a pseudonym over them. */
  auditTrail: AuditStore;
  /** The organisation's computed figures: a lead's lines name them until the next pass without them. */
  orgFigures: OrgFiguresStore;
  /** Leads' "Ask to share" requests they made or were asked. */
  shareAsks: ShareAskStore;
  /** 1:1 lists they are part of, as member or as lead. */
  oneToOne: OneToOneStore;
}
