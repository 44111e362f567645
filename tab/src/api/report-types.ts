export type { LeadLine, ReportFigures, ReportPage, ReportResponse, ReportRow, TeamReportResponse } from '../../../bot/contract/report.js';
export type { OrganisationTotal, OrganisationTotals, OrganisationWeek } from '../../../bot/contract/report-totals.js';

export interface AdminMeResponse {
  isAdmin: boolean;
}
