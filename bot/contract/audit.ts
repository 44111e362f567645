/**
 * The audit trail as the service and the tab both see it: its kinds, and an event as the API
 * answers it. Services report events through `bot/services/audit-log.ts`, which takes its kinds
 * from here so the tab's filter lists exactly what the service records.
 */
export type AuditKind =
  | 'lead_granted'
  | 'lead_removed'
  | 'admin_granted'
  | 'admin_removed'
  | 'team_settings_changed'
  | 'lrs_settings_changed'
  | 'export_downloaded'
  | 'member_entries_viewed'
  | 'data_erased'
  | 'ask_how_it_went'
  | 'share_asked'
  | 'follow_up_closed'
  | 'ld_settings_changed';

export const AUDIT_KINDS: readonly AuditKind[] = [
  'lead_granted',
  'lead_removed',
  'admin_granted',
  'admin_removed',
  'team_settings_changed',
  'lrs_settings_changed',
  'export_downloaded',
  'member_entries_viewed',
  'data_erased',
  'ask_how_it_went',
  'share_asked',
  'follow_up_closed',
  'ld_settings_changed',
];

export type AuditDetail = Readonly<Record<string, string | number | boolean>>;

/** One recorded event: when, what, who did it, to whom, in which team, and the facts of the change. */
export interface AuditEventView {
  /** ISO 8601, UTC. */
  at: string;
  kind: AuditKind;
  actor: { userId: string; displayName?: string };
  subject?: { userId: string; displayName?: string };
  teamId?: string;
  /** The team's name as it is now, when the team is still there. */
  teamName?: string;
  detail: AuditDetail;
}

/** How many events a page of the trail holds at most. */
export const AUDIT_PAGE_SIZE = 50;

/** The longest person filter: a display name or a user id. */
export const AUDIT_PERSON_MAX = 200;

/** The CSV file's name, with the day it was made. */
export function auditCsvFilename(now: Date): string {
  return `learning-loop-audit-trail-${now.toISOString().slice(0, 10)}.csv`;
}
