export type { ReportFigures, ReportRow } from '../../../bot/contract/report.js';
import type { DashboardPeriod } from '../../../bot/contract/api.js';
import type { ReportRow } from '../../../bot/contract/report.js';

export interface ReportResponse {
  weeks: DashboardPeriod;
  rows: ReportRow[];
}

export interface AdminMeResponse {
  isAdmin: boolean;
}
