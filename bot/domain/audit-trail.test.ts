import { describe, expect, it } from 'vitest';
import { auditCsvRow, erasedPseudonym, leadAskEvent, personFold } from './audit-trail.js';
import { csvLine } from '../contract/csv-cell.js';

describe('the audit trail’s pure parts', () => {
  it('folds names so a person filter finds them whatever the case and spacing', () => {
    expect(personFold('  Megan   Bowen ')).toBe(personFold('megan bowen'));
    expect(personFold('ＭＥＧＡＮ')).toBe('megan');
  });

  it('makes a fresh pseudonym per erasure, never derived from the person', () => {
    const a = erasedPseudonym();
    const b = erasedPseudonym();
    expect(a.userId).toMatch(/^erased-[0-9a-f]{8}$/);
    expect(a.displayName).toBe(`Erased person ${a.userId.slice('erased-'.length)}`);
    expect(a.userId).not.toBe(b.userId);
  });

  it('writes an event as a CSV row whose cells a spreadsheet cannot run', () => {
    const row = auditCsvRow({
      at: '2026-12-01T10:00:00.000Z',
      kind: 'admin_granted',
      actor: { userId: 'u1', displayName: '=HYPERLINK("x")' },
      subject: { userId: 'u2' },
      teamId: 't1',
      teamName: 'Design',
      detail: { export: 'entries', weeks: 12 },
    });
    expect(row).toEqual([
      '2026-12-01T10:00:00.000Z',
      'admin_granted',
      'u1',
      '=HYPERLINK("x")',
      'u2',
      null,
      't1',
      'Design',
      'export=entries; weeks=12',
    ]);
    expect(csvLine(row)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('records a lead’s ask with the lead as actor, the member as subject and the entry’s id only', () => {
    const lead = { userId: 'lead-1', displayName: 'Lee', role: 'lead', joinedAt: '2026-01-01' };
    const member = { userId: 'm-1', displayName: 'Mia', role: 'member' };
    expect(leadAskEvent('share_asked', { tenantId: 'tn', teamId: 't1' }, lead, member, 'e-9')).toEqual({
      tenantId: 'tn',
      kind: 'share_asked',
      actor: { userId: 'lead-1', displayName: 'Lee' },
      subject: { userId: 'm-1', displayName: 'Mia' },
      teamId: 't1',
      detail: { entryId: 'e-9' },
    });
  });
});
