import { en } from '../i18n/messages/en.js';

export interface TimeZoneOption {
  /** An IANA zone, or '' for no choice of the learner's: the zone Teams reports, else the team's. */
  value: string;
  label: string;
}

/** In English; the picker passes the label in the learner's language. */
export const AUTOMATIC_ZONE_LABEL = en['settings.zoneAutomatic'];

/**
 * The zones this browser knows, each with its offset now, after the automatic choice.
 * The learner's saved zone is kept even when this browser does not list it (an alias such as
 * Asia/Calcutta, say), so the picker never shows a choice the learner did not make.
 */
export function timeZoneOptions(
  saved: string | null,
  now: Date,
  known: readonly string[] = supportedZones(),
  automatic: string = AUTOMATIC_ZONE_LABEL,
): TimeZoneOption[] {
  const zones = new Set(known);
  // Some engines leave UTC out of the list although every engine accepts it.
  zones.add('UTC');
  if (saved) zones.add(saved);
  const sorted = [...zones].sort((a, b) => a.localeCompare(b, 'en'));
  return [{ value: '', label: automatic }, ...sorted.map((zone) => ({ value: zone, label: zoneLabel(zone, now) }))];
}

/** "Europe/Berlin (GMT+01:00)": the offset helps pick between zones that sound alike. */
export function zoneLabel(zone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now);
    const offset = parts.find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${zone} (${offset})` : zone;
  } catch {
    return zone;
  }
}

/** Case and separators do not matter when searching: "new york" finds America/New_York. */
export function matchesZoneQuery(label: string, query: string): boolean {
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[\s_/]+/g, ' ')
      .trim();
  return normalise(label).includes(normalise(query));
}

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
