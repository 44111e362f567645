/**
 * The one vocabulary of refusals. Services throw these; the HTTP layer maps each class to one
 * status in one place (`bot/http/problem.ts`), and the Teams layer words them for a card.
 * Match them by class, never by name or message. The message is the API's English; cards say
 * it in the reader's language from the class and its data.
 */
export abstract class LearningLoopError extends Error {
  override get name(): string {
    return this.constructor.name;
  }
}

/** The caller may not do this: not in the team (`not_member`) or not one of its leads (`not_lead`). 403. */
export class NotAllowedError extends LearningLoopError {
  constructor(
    message: string,
    readonly reason: 'not_member' | 'not_lead' = 'not_lead',
  ) {
    super(message);
  }
}

/** Nobody or nothing there (an unknown member, share, entry). 404. */
export class NotFoundError extends LearningLoopError {}

/** Not now: it clashes with the record's state (a nudge too soon after the last). 409. */
export class ConflictError extends LearningLoopError {}

/**
 * The input breaks a rule the edge cannot know alone (it needs the record). 400, naming each
 * field: `errors` maps a field to what is wrong with it.
 */
export class InvalidInputError extends LearningLoopError {
  constructor(
    /** What was refused, for the message: "nudge", "LRS settings". */
    readonly subject: string,
    readonly errors: Readonly<Record<string, string>>,
  ) {
    super(
      `Invalid ${subject}: ${Object.entries(errors)
        .map(([field, problem]) => `${field}: ${problem}`)
        .join('; ')}`,
    );
  }
}
