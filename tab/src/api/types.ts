import type { LearningEntry, SourceType } from '../../../bot/contract/learning-entry.js';

export type { SourceType };

/** An entry as the API sends it: the service's own shape, less the keys it is stored under. */
export type Entry = Omit<LearningEntry, 'tenantId' | 'userId' | 'result'> & { result?: string | null };

export interface EntryPage {
  entries: Entry[];
  nextCursor: string | null;
}

export interface Me {
  tenantId: string;
  userId: string;
  displayName: string;
}

export interface DemoIdentity {
  tenantId: string;
  userId: string;
  displayName: string;
  role?: string;
}
