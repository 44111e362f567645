import type { ComponentProps } from 'react';
import type { MemberEntriesPage } from '../members/MemberEntriesPage.js';
import { lazyPage } from './LazyPage.js';

export const LazyMemberEntriesPage = lazyPage<ComponentProps<typeof MemberEntriesPage>>({
  load: () => import('../members/MemberEntriesPage.js').then((m) => ({ default: m.MemberEntriesPage })),
  title: 'page.memberEntries',
  testId: 'member-entries',
  loadingLabel: 'page.memberEntries.loading',
  failure: 'page.memberEntries.failed',
});
