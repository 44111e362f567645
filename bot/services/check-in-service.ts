import { z } from 'zod';
import {
  checkInValuesFrom,
  validateCheckIn,
  type CheckInErrors,
  type CheckInValues,
} from '../domain/check-in-submission.js';
import type { LearningEntry } from '../domain/learning-entry.js';
import type { EntryStore } from '../store/entry-store.js';
import type { Clock, IdFactory, Learner } from './learner.js';

export type CheckInResult =
  | { status: 'saved'; entry: LearningEntry; alreadySaved: boolean }
  | { status: 'invalid'; cardId: string; errors: CheckInErrors; values: CheckInValues };

const cardIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export interface CheckInServiceDeps {
  entries: EntryStore;
  clock: Clock;
  newId: IdFactory;
}

/** Records what a learner reports in a check-in. */
export class CheckInService {
  constructor(private readonly deps: CheckInServiceDeps) {}

  /** Each card gets its own id, so saving the same card twice stores one entry. */
  newCardId(): string {
    return this.deps.newId();
  }

  async submit(learner: Learner, submission: unknown): Promise<CheckInResult> {
    const data = typeof submission === 'object' && submission !== null ? (submission as Record<string, unknown>) : {};
    const cardId = cardIdSchema.safeParse(data.cardId);
    if (!cardId.success) {
      // A card we did not issue (or a forged one): ask again on a fresh card, keeping the words.
      return {
        status: 'invalid',
        cardId: this.newCardId(),
        values: checkInValuesFrom(data),
        errors: { what: 'This form has expired. Please check your answers and press Save again.' },
      };
    }
    const validation = validateCheckIn(data);
    if (!validation.ok) {
      return { status: 'invalid', cardId: cardId.data, errors: validation.errors, values: validation.values };
    }
    const entry: LearningEntry = {
      id: cardId.data,
      tenantId: learner.tenantId,
      userId: learner.userId,
      ...validation.entry,
      createdAt: this.deps.clock().toISOString(),
    };
    const saved = await this.deps.entries.addOnce(entry, cardId.data);
    return { status: 'saved', entry: saved.entry, alreadySaved: !saved.created };
  }
}
