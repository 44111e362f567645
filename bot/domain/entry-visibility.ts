import { isEntryVisibility, type EntryVisibility } from '../contract/entry-visibility.js';

/** What each choice of visibility means: its words, the default, and whom it lets see an entry. */

/**
 * New entries are seen by the learner's leads unless they say otherwise: following up is what the
 * app is for, the card shows the choice before anything is saved, and "only me" is one click away.
 * Entries stored before the field existed read the same way.
 */
export const DEFAULT_VISIBILITY: EntryVisibility = 'leads';

/** As the learner chooses it (the card, the tab's form). */
export const VISIBILITY_CHOICE_LABELS: Record<EntryVisibility, string> = {
  private: 'Only me',
  leads: 'My team’s leads',
  team: 'My team (learning channel)',
};

/** As the entry shows it back to the learner, seen from their side. */
export const VISIBILITY_BADGE_LABELS: Record<EntryVisibility, string> = {
  private: 'Only you',
  leads: 'Your leads',
  team: 'Your team',
};

/** As a team's lead reads a member's entry; a private one never reaches them. */
export const VISIBILITY_LEAD_LABELS: Record<EntryVisibility, string> = {
  private: 'Only them',
  leads: 'Visible to leads',
  team: 'Shared with the team',
};

/**
 * A stored value as a visibility: missing (an entry older than the choice) is the default;
 * anything unrecognised is treated as private, so a damaged row never shows more than meant.
 */
export function storedVisibility(stored: unknown): EntryVisibility {
  if (stored === undefined || stored === null || stored === '') return DEFAULT_VISIBILITY;
  return isEntryVisibility(stored) ? stored : 'private';
}

/** Whether the learner's leads may read the entry at all: everything but "only me". */
export function visibleToLeads(visibility: EntryVisibility): boolean {
  return visibility !== 'private';
}

/**
 * Whether the leads of one team may read a member's entry. Entries carry no team: what a learner
 * let "leads" see is seen by the leads of the teams they were in when they wrote it, so a team
 * made (or joined) later never opens the log written before it. Creation time at or after the
 * member's joining time of that team; an unreadable time fails closed.
 */
export function leadsOfTeamMaySee(visibility: EntryVisibility, createdAt: string, joinedAt: string): boolean {
  return visibleToLeads(visibility) && writtenSinceJoining(createdAt, joinedAt);
}

/** Goals have no visibility of their own: a team's leads see those set while the learner was in the team. */
export function writtenSinceJoining(createdAt: string, joinedAt: string): boolean {
  const created = Date.parse(createdAt);
  const joined = Date.parse(joinedAt);
  return Number.isFinite(created) && Number.isFinite(joined) && created >= joined;
}

/** Narrowing an entry away from the team takes back any share of it already in the channel. */
export function withdrawsShare(before: EntryVisibility, after: EntryVisibility): boolean {
  return before === 'team' && after !== 'team';
}
