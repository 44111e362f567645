import type { ReactNode } from 'react';
import { en } from './messages/en.js';
import { enAdmin } from './messages/en-admin.js';
import { enPeriod } from './messages/en-period.js';
import { englishWith, PageMessages } from './page-messages.js';

export const ADMIN_ENGLISH = { ...en, ...enPeriod, ...enAdmin };

/** English with the learning report's words, for its pure helpers when not given the user's translator. */
export const adminEnglish = englishWith(ADMIN_ENGLISH);

/** The L&D admins' learning report, with the English its chunk brings. */
export function AdminMessages({ children }: { children: ReactNode }) {
  return <PageMessages english={ADMIN_ENGLISH}>{children}</PageMessages>;
}
