import type { LdSettings } from '../contract/ld-settings.js';
import { AuditService } from '../services/audit-service.js';
import { LdSettingsService } from '../services/ld-settings-service.js';
import { OrgFiguresJob } from '../services/org-figures-job.js';
import { ReportService } from '../services/report-service.js';
import type { ServiceBasics } from './service-basics.js';
import type { ServiceOptions } from './service-options.js';

/** What L&D sees and sets across the organisation: its figures and report, its settings, and the audit trail. */
export function organisationServices({ config, stores, clock, newId, instanceId, logger }: ServiceBasics, options: ServiceOptions) {
  const orgFigures = new OrgFiguresJob({
    figures: stores.orgFigures,
    leases: stores.leases,
    teams: stores.teams,
    rollups: stores.rollups,
    shares: stores.shares,
    nudges: stores.nudges,
    followUps: stores.followUps,
    // Late bound: the L&D settings service is built after.
    followUpDays: (tenantId): Promise<number> => ldSettings.followUpDays(tenantId),
    clock,
    instanceId,
    logger,
    newId,
    ...(options.teamsPerChunk ? { teamsPerChunk: options.teamsPerChunk } : {}),
  });
  // Who may read the trail is decided as for the report (reports.isAdmin); it is built before anything that records.
  const audit = new AuditService({
    trail: stores.auditTrail,
    admins: { isAdmin: (c): Promise<boolean> => reports.isAdmin(c) },
    teams: stores.teams,
    clock,
  });
  const reports = new ReportService({
    admins: stores.admins,
    configured: config.ldAdmins,
    figures: stores.orgFigures,
    // Late bound: the L&D settings' admins are this service's.
    expectations: (tenantId): Promise<LdSettings> => ldSettings.expectations(tenantId),
    job: orgFigures,
    audit,
    clock,
    ...(options.reportPageSize ? { pageSize: options.reportPageSize } : {}),
  });
  const ldSettings = new LdSettingsService({
    admins: reports,
    adminList: stores.admins,
    configured: config.ldAdmins,
    settings: stores.ldSettings,
    users: stores.users,
    audit,
    clock,
  });
  return { orgFigures, audit, reports, ldSettings };
}
