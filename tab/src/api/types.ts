export type SourceType = 'article' | 'video' | 'course' | 'podcast' | 'book' | 'mentoring' | 'on-the-job' | 'other';

export interface Entry {
  id: string;
  what: string;
  sourceType: SourceType;
  link: string | null;
  minutes: number | null;
  rating: number | null;
  insight: string | null;
  action: string | null;
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
}
