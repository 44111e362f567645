import type { ComponentProps } from 'react';
import type { AdminPage } from '../admin/AdminPage.js';
import { lazyPage } from './LazyPage.js';

export const LazyAdminPage = lazyPage<ComponentProps<typeof AdminPage>>({
  load: () => import('../admin/AdminPage.js').then((m) => ({ default: m.AdminPage })),
  title: 'page.admin',
  testId: 'admin-report',
  loadingLabel: 'page.admin.loading',
  failure: 'page.admin.failed',
});
