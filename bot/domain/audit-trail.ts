import { randomBytes } from 'node:crypto';
import type { AuditDetail, AuditEventView, AuditKind } from '../contract/audit.js';
import type { CsvValue } from '../contract/csv-cell.js';

/**
 * How a name is compared when an admin filters the trail by person: Table Storage compares
 * exactly, so names are stored and asked for in one folded form ("Megan Bowen", "megan bowen").
 */
export function personFold(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Who an erased person becomes in the trail. Random, made once per erasure and written over every
 * event naming them, so the trail still shows that one person did these things. Not a hash of
 * their id: ids are known inside the organisation, and a hash of one would tell who was erased.
 */
export function erasedPseudonym(random: (bytes: number) => Buffer = randomBytes): { userId: string; displayName: string } {
  const tag = random(4).toString('hex');
  return { userId: `erased-${tag}`, displayName: `Erased person ${tag}` };
}

export const AUDIT_CSV_COLUMNS = ['When (UTC)', 'What', 'Who (id)', 'Who', 'Whom (id)', 'Whom', 'Team (id)', 'Team', 'Detail'] as const;

/** One event as a CSV row; the detail as `key=value` pairs, in the order they were recorded. */
export function auditCsvRow(event: AuditEventView): CsvValue[] {
  return [
    event.at,
    event.kind,
    event.actor.userId,
    event.actor.displayName ?? null,
    event.subject?.userId ?? null,
    event.subject?.displayName ?? null,
    event.teamId ?? null,
    event.teamName ?? null,
    Object.entries(event.detail)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('; ') || null,
  ];
}

/** A person as an event names them, with the name they had at the time. */
interface NamedPerson {
  userId: string;
  displayName: string;
}

/**
 * The event a lead's ask to one member records — to share an entry, or to say how an action
 * went: the lead as actor, the member as subject, the team, and the entry (its id only, never
 * its words). Only the two fields each person is named by are kept, whatever else they carry.
 */
export function leadAskEvent(
  kind: Extract<AuditKind, 'share_asked' | 'ask_how_it_went'>,
  where: { tenantId: string; teamId: string },
  lead: NamedPerson,
  member: NamedPerson,
  entryId: string,
): { tenantId: string; kind: AuditKind; actor: NamedPerson; subject: NamedPerson; teamId: string; detail: AuditDetail } {
  return {
    tenantId: where.tenantId,
    kind,
    actor: { userId: lead.userId, displayName: lead.displayName },
    subject: { userId: member.userId, displayName: member.displayName },
    teamId: where.teamId,
    detail: { entryId },
  };
}
