export type SourceType = 'article' | 'video' | 'course' | 'podcast' | 'book' | 'mentoring' | 'on-the-job' | 'other';

export interface Entry {
  id: string;
  what: string;
  sourceType: SourceType;
  link: string | null;
  minutes: number | null;
  /** 1–5: how useful the learner found the resource. */
  rating: number | null;
  insight: string | null;
  action: string | null;
  /** ISO 8601. */
  createdAt: string;
}

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
