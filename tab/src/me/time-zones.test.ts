import { describe, expect, it } from 'vitest';
import { AUTOMATIC_ZONE_LABEL, matchesZoneQuery, timeZoneOptions, zoneLabel } from './time-zones.js';

const january = new Date('2026-01-15T12:00:00Z');

describe('time zone options', () => {
  it('offers the automatic zone first, then every zone the browser knows, sorted, with UTC always there', () => {
    const options = timeZoneOptions(null, january, ['Europe/Berlin', 'America/New_York']);
    expect(options.map((o) => o.value)).toEqual(['', 'America/New_York', 'Europe/Berlin', 'UTC']);
    expect(options[0]?.label).toBe(AUTOMATIC_ZONE_LABEL);
  });

  it('keeps the learner’s saved zone even when the browser does not list it', () => {
    expect(timeZoneOptions('Asia/Calcutta', january, ['Asia/Kolkata']).map((o) => o.value)).toContain('Asia/Calcutta');
  });

  it('lists the zones from Intl by default', () => {
    expect(timeZoneOptions(null, january).length).toBeGreaterThan(300);
  });

  it('labels each zone with its offset at the time', () => {
    expect(zoneLabel('Europe/Berlin', january)).toBe('Europe/Berlin (GMT+01:00)');
    expect(zoneLabel('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe('Europe/Berlin (GMT+02:00)');
    expect(zoneLabel('Not/AZone', january)).toBe('Not/AZone');
  });

  it('finds zones whatever the case and separators', () => {
    expect(matchesZoneQuery('America/New_York (GMT-05:00)', 'new york')).toBe(true);
    expect(matchesZoneQuery('America/New_York (GMT-05:00)', 'america/new')).toBe(true);
    expect(matchesZoneQuery('Europe/Berlin (GMT+01:00)', 'york')).toBe(false);
  });
});
