export type {
  Cadence,
  KnownPerson,
  LdAdmin,
  LdSettings,
  LdSettingsResponse,
  PeopleSearchResponse,
} from '../../../bot/contract/ld-settings.js';
export type { ReportExpectations } from '../../../bot/contract/report.js';
