export type { ReportFigures, ReportRow } from '../../../bot/domain/accountability-report.js';
import type { DashboardPeriod } from '../../../bot/http/api-contract.js';
import type { ReportRow } from '../../../bot/domain/accountability-report.js';

export interface ReportResponse {
  weeks: DashboardPeriod;
  rows: ReportRow[];
}

export interface AdminMeResponse {
  isAdmin: boolean;
}
