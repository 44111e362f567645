import type { ReactNode } from 'react';
import { en } from './messages/en.js';
import { enPeriod } from './messages/en-period.js';
import { enTeam } from './messages/en-team.js';
import { englishWith, PageMessages } from './page-messages.js';

export const TEAM_ENGLISH = { ...en, ...enPeriod, ...enTeam };

/** English with the team pages' words, for their pure helpers when not given the user's translator. */
export const teamEnglish = englishWith(TEAM_ENGLISH);

/** The team dashboard and a member's entries page, with the English their chunk brings. */
export function TeamMessages({ children }: { children: ReactNode }) {
  return <PageMessages english={TEAM_ENGLISH}>{children}</PageMessages>;
}
