import { describe, expect, it } from 'vitest';
import { translator } from '../../../bot/contract/i18n/translate.js';
import type { FollowUpWhy } from '../../../bot/contract/dashboard-view.js';
import { catalogsFor } from '../i18n/catalog.js';
import { es } from '../i18n/messages/es.js';
import { TEAM_ENGLISH } from '../i18n/team-messages.js';
import { followUpReasonText } from './follow-up-reason.js';

const spanish = translator(catalogsFor('es', es, TEAM_ENGLISH), 'es-ES');
const ENGLISH_REASON = 'As the service words it';
const reason = (followUpWhy: FollowUpWhy | null | undefined, words = spanish) =>
  followUpReasonText({ followUpReason: ENGLISH_REASON, followUpWhy }, words);

describe('a follow-up reason in the reader’s language', () => {
  it('words each kind from the reason given as data', () => {
    expect(reason({ kind: 'no-answer', count: 1 })).toBe('Sin respuesta al último check-in');
    expect(reason({ kind: 'no-answer', count: 3 })).toBe('Sin respuesta a los últimos 3 check-ins');
    expect(reason({ kind: 'goal-overdue', goal: 'Pair on code review' })).toBe('El objetivo «Pair on code review» está vencido');
    expect(reason({ kind: 'goal-behind', goal: 'TypeScript' })).toBe('El objetivo «TypeScript» se marcó con retraso dos veces seguidas');
    expect(reason({ kind: 'quiet', weeks: 1 })).toBe('Sin check-ins desde hace 1 semana');
    expect(reason({ kind: 'quiet-since-joining', weeks: 4 })).toBe('Ningún check-in en las 4 semanas que lleva en el equipo');
  });

  it('says it as the service does in English', () => {
    expect(followUpReasonText({ followUpReason: 'No check-in for 3 weeks', followUpWhy: { kind: 'quiet', weeks: 3 } })).toBe(
      'No check-in for 3 weeks',
    );
  });

  it('shows the service’s own sentence when the data is missing or of a kind this build does not know', () => {
    expect(reason(undefined)).toBe(ENGLISH_REASON);
    expect(reason(null)).toBe(ENGLISH_REASON);
    expect(reason({ kind: 'something-new' } as unknown as FollowUpWhy)).toBe(ENGLISH_REASON);
    expect(followUpReasonText({ followUpReason: null, followUpWhy: null })).toBeNull();
  });
});
