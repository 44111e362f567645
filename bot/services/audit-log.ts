/**
 * The record of who did what to other people's data: granted or removed leads and admins,
 * changed team settings or LRS settings, downloaded exports, read a member's entries, erased
 * data. Services tell it what happened; the store keeps it append-only per tenant.
 */
import type { AuditEventView, AuditKind } from '../contract/audit.js';

// The kinds live with the API's types, so the tab's filter lists exactly what is recorded.
export { AUDIT_KINDS, type AuditKind } from '../contract/audit.js';

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

/** A service's look back at what one person did lately (a lead's recent asks), newest first. */
export interface RecentAudit {
  recentBy(tenantId: string, actorId: string, kind: AuditKind, since: Date): AsyncIterable<Omit<AuditEventView, 'teamName'>>;
}
