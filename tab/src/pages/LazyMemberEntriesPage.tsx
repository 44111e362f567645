import type { ComponentProps } from 'react';
import type { MemberEntriesPage } from '../members/MemberEntriesPage.js';
import { PAGE_TITLES } from '../routes.js';
import { lazyPage } from './LazyPage.js';

export const LazyMemberEntriesPage = lazyPage<ComponentProps<typeof MemberEntriesPage>>({
  load: () => import('../members/MemberEntriesPage.js').then((m) => ({ default: m.MemberEntriesPage })),
  title: PAGE_TITLES['member-entries'],
  testId: 'member-entries',
  loadingLabel: 'Loading the member’s entries…',
  failure: 'Couldn’t load the member’s entries. Check your connection and try again.',
});
