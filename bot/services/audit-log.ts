/**
 * The record of who did what to other people's data: granted or removed leads and admins,
 * changed team settings or LRS settings, downloaded exports, read a member's entries, erased
 * data. Services tell it what happened; the store keeps it append-only per tenant.
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
  | 'data_erased';

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
];

/** A person as the record names them: their id and the name they had at the time. */
export interface AuditPerson {
  userId: string;
  displayName?: string;
}

export interface AuditEvent {
  tenantId: string;
  kind: AuditKind;
  /** Who acted. */
  actor: AuditPerson;
  /** Whom the action touched, when it touched one person. */
  subject?: AuditPerson;
  teamId?: string;
  /** Facts about the change (a field's new value, an export's kind); never a learner's own words. */
  detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
}
