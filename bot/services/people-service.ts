import type { ConversationRecord, ConversationScope, ConversationStore } from '../store/conversation-store.js';
import type { UserProfile, UserStore } from '../store/user-store.js';
import type { Clock, Learner } from './learner.js';

export interface SeenPerson extends Learner {
  displayName: string;
  teamsUserId?: string;
  locale?: string;
  timeZone?: string;
}

/** The people and conversations the app knows, kept current from what Teams tells us. */
export class PeopleService {
  constructor(
    private readonly deps: { users: UserStore; conversations: ConversationStore; clock: Clock },
  ) {}

  async noteSeen(person: SeenPerson): Promise<void> {
    await this.deps.users.upsert({ ...person, updatedAt: this.deps.clock().toISOString() });
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

  conversationsOf(tenantId: string, scope: ConversationScope, ownerId: string): Promise<ConversationRecord[]> {
    return this.deps.conversations.listFor(tenantId, scope, ownerId);
  }
}
