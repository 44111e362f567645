import type { ComponentProps } from 'react';
import type { AdminPage } from '../admin/AdminPage.js';
import { PAGE_TITLES } from '../routes.js';
import { lazyPage } from './LazyPage.js';

export const LazyAdminPage = lazyPage<ComponentProps<typeof AdminPage>>({
  load: () => import('../admin/AdminPage.js').then((m) => ({ default: m.AdminPage })),
  title: PAGE_TITLES.admin,
  testId: 'admin-report',
  loadingLabel: 'Loading the learning report…',
  failure: 'Couldn’t load the learning report. Check your connection and try again.',
});
