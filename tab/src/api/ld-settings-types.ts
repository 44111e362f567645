export type {
  Cadence,
  KnownPerson,
  LdAdmin,
  LdSettings,
  LdSettingsResponse,
  PeopleSearchResponse,
} from '../../../bot/contract/ld-settings.js';
export type { ReportExpectations } from '../../../bot/contract/report.js';

/** The service's limits, repeated (and checked against it in a test) so the tab does not ship its validator. */
export const LD_LIMITS = { followUpDays: { min: 1, max: 30 }, flagResponseBelow: { min: 0, max: 100 } } as const;
