import type { ConversationRecord, ConversationScope, ConversationStore } from '../store/conversation-store.js';
import type { UserProfile, UserStore } from '../store/user-store.js';
import type { DuePlanner } from './due-planner.js';
import { IANAZone } from 'luxon';
import type { Clock, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { MySettings } from '../contract/api.js';

export interface SeenPerson extends Learner {
  displayName: string;
  teamsUserId?: string;
  locale?: string;
  timeZone?: string;
}

/** The people and conversations the app knows, kept current from what Teams tells us. */
export class PeopleService {
  constructor(
    private readonly deps: {
      users: UserStore;
      conversations: ConversationStore;
      clock: Clock;
      planner?: DuePlanner;
      rollups?: RollupService;
    },
  ) {}

  /** Pauses a learner's scheduled check-ins until they resume; leads can see it. */
  async pause(learner: Learner): Promise<void> {
    await this.deps.users.setPaused(learner.tenantId, learner.userId, this.deps.clock().toISOString());
    await this.deps.planner?.planNext(learner.tenantId, learner.userId, this.deps.clock());
    await this.deps.rollups?.pausedChanged(learner);
  }

  /** Resumes check-ins from the next due time on; returns when that is, if a team has a schedule. */
  async resume(learner: Learner): Promise<Date | undefined> {
    await this.deps.users.setPaused(learner.tenantId, learner.userId, null);
    await this.deps.rollups?.pausedChanged(learner);
    return (await this.deps.planner?.planNext(learner.tenantId, learner.userId, this.deps.clock()))?.dueAt;
  }

  async noteSeen(person: SeenPerson): Promise<void> {
    const before = person.timeZone ? await this.deps.users.get(person.tenantId, person.userId) : undefined;
    await this.deps.users.upsert({ ...person, updatedAt: this.deps.clock().toISOString() });
    // A learner's own zone decides when their check-in comes: replan when we learn a new one.
    if (person.timeZone && !before?.chosenTimeZone && before?.timeZone !== person.timeZone) {
      await this.deps.planner?.planNext(person.tenantId, person.userId, this.deps.clock());
    }
  }

  /**
   * Keeps the language proactive cards are written in current when someone acts on a card (a
   * message already refreshes it): a read, and a write only when Teams reports a different one.
   */
  async noteLocale(person: Learner, locale: string | undefined): Promise<void> {
    if (!locale) return;
    const profile = await this.deps.users.get(person.tenantId, person.userId);
    // Only a language already known is replaced: the first one comes with the person's first message,
    // which makes their profile; a button press alone (even a refused one) starts nothing.
    if (profile?.locale && profile.locale !== locale) await this.deps.users.setLocale(person.tenantId, person.userId, locale);
  }

  async settingsOf(learner: Learner): Promise<MySettings> {
    const profile = await this.deps.users.get(learner.tenantId, learner.userId);
    return { paused: Boolean(profile?.pausedAt), pausedAt: profile?.pausedAt ?? null, timeZone: profile?.chosenTimeZone ?? null };
  }

  /** The tab's settings: pause or resume, and a zone of the learner's choosing (null: follow Teams). */
  async updateSettings(
    learner: Learner,
    update: { paused?: boolean | undefined; timeZone?: string | null | undefined },
  ): Promise<MySettings> {
    if (update.timeZone !== undefined) {
      if (update.timeZone !== null && !IANAZone.isValidZone(update.timeZone)) throw new RangeError(`Unknown time zone: ${update.timeZone}`);
      await this.deps.users.setChosenTimeZone(learner.tenantId, learner.userId, update.timeZone);
      await this.deps.planner?.planNext(learner.tenantId, learner.userId, this.deps.clock());
    }
    const current = await this.settingsOf(learner);
    if (update.paused === true && !current.paused) await this.pause(learner);
    if (update.paused === false && current.paused) await this.resume(learner);
    return this.settingsOf(learner);
  }

  profile(learner: Learner): Promise<UserProfile | undefined> {
    return this.deps.users.get(learner.tenantId, learner.userId);
  }

  peopleInTenant(tenantId: string, limit = 200): Promise<UserProfile[]> {
    return this.deps.users.listTenant(tenantId, limit);
  }

  async rememberConversation(record: Omit<ConversationRecord, 'updatedAt'>): Promise<void> {
    await this.deps.conversations.save({ ...record, updatedAt: this.deps.clock().toISOString() });
  }

  async forgetConversation(tenantId: string, scope: ConversationScope, ownerId: string, conversationId: string): Promise<void> {
    await this.deps.conversations.remove(tenantId, scope, ownerId, conversationId);
  }
}
