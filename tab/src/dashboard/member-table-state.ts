import type { MemberRowView } from '../api/dashboard-types.js';

export type MemberColumn = 'name' | 'lastCheckIn' | 'streak' | 'entries' | 'minutes' | 'rating' | 'followThrough' | 'paused' | 'followUp';
export type SortDirection = 'ascending' | 'descending';

export interface MemberSort {
  column: MemberColumn;
  direction: SortDirection;
}

export interface MemberFilter {
  /** Matched against names, ignoring case and accents. */
  text: string;
  followUpOnly: boolean;
}

export const DEFAULT_SORT: MemberSort = { column: 'name', direction: 'ascending' };
export const NO_FILTER: MemberFilter = { text: '', followUpOnly: false };

/**
 * Clicking the sorted column turns it round; a new column starts with what a lead looks for
 * first: names A–Z, but the most (latest, longest, flagged) first for everything else.
 */
export function nextSort(current: MemberSort, column: MemberColumn): MemberSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'name' ? 'ascending' : 'descending' };
}

type Key = number | string | null;

function keyOf(row: MemberRowView, column: MemberColumn): Key {
  switch (column) {
    case 'name':
      return row.displayName;
    case 'lastCheckIn': {
      const time = row.lastCheckInAt ? Date.parse(row.lastCheckInAt) : NaN;
      return Number.isNaN(time) ? null : time;
    }
    case 'streak':
      return row.streak;
    case 'entries':
      return row.entries;
    case 'minutes':
      return row.minutes;
    case 'rating':
      return row.averageRating;
    case 'followThrough':
      return row.followThrough.followThrough;
    case 'paused':
      return row.paused ? 1 : 0;
    case 'followUp':
      return row.needsFollowUp ? 1 : 0;
  }
}

/** Sorted copy. Missing values (never checked in, nothing rated, nothing due) go last either way; ties go by name. */
export function sortMembers(rows: readonly MemberRowView[], sort: MemberSort, locale: string): MemberRowView[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: Key, b: Key): number => {
    if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
    return (a as number) - (b as number);
  };
  return [...rows].sort((a, b) => {
    const ka = keyOf(a, sort.column);
    const kb = keyOf(b, sort.column);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const byColumn = compare(ka, kb) * sign;
      if (byColumn !== 0) return byColumn;
    }
    return collator.compare(a.displayName, b.displayName) || a.userId.localeCompare(b.userId);
  });
}

/** Lower case without accents, so "rene" finds "René". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

export function filterMembers(rows: readonly MemberRowView[], filter: MemberFilter): MemberRowView[] {
  const wanted = fold(filter.text.trim());
  return rows.filter((row) => (!filter.followUpOnly || row.needsFollowUp) && (!wanted || fold(row.displayName).includes(wanted)));
}

export function visibleMembers(rows: readonly MemberRowView[], sort: MemberSort, filter: MemberFilter, locale: string): MemberRowView[] {
  return sortMembers(filterMembers(rows, filter), sort, locale);
}
