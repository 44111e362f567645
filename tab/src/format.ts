import type { SourceType } from './api/types.js';

export const SOURCE_LABELS: Record<SourceType, string> = {
  article: 'Article',
  video: 'Video',
  course: 'Course',
  podcast: 'Podcast',
  book: 'Book',
  mentoring: 'Mentoring',
  'on-the-job': 'On the job',
  other: 'Other',
};

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatMinutes(minutes: number, locale: string): string {
  if (minutes < 60) return `${new Intl.NumberFormat(locale).format(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Only web links become clickable; anything else stays text. */
export function safeHref(link: string | null): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
