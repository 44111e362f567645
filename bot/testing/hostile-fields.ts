import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { isHttpUrl } from '../contract/check-in-rules.js';
import { ENTRY_VISIBILITIES } from '../contract/entry-visibility.js';
import { SOURCE_TYPES } from '../contract/learning-entry.js';
import {
  blank,
  cleaned,
  hostileText,
  isWholeIn,
  longText,
  notOfKind,
  notOneOf,
  notWholeIn,
  tooLong,
  type FieldSpec,
} from './hostile-values.js';

/**
 * The fields of our forms, each with values it accepts and hostile values it certainly refuses,
 * for the generated-input tests of the API and the cards. "Certainly" is judged as loosely as
 * the loosest reader: a breaker some check would let through is filtered out here, not there.
 */

/** Text that is not a web address however it is cleaned, and not blank (blank means "no link"). */
export const notALink: fc.Arbitrary<string> = hostileText(3000).filter(
  (s) =>
    cleaned(s) !== '' &&
    !isHttpUrl(cleaned(s)) &&
    !isHttpUrl(s.trim()) &&
    !isHttpUrl(s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim()),
);

const text = (...values: string[]) => fc.constantFrom(...values);

/**
 * A check-in as the card or a dialog submits it: only text and numbers are read, so a field of
 * another type counts as left out (`what` and `sourceType` are required; the rest are not).
 */
export function cardCheckInFields(): Record<string, FieldSpec> {
  return {
    cardId: {
      valid: fc.uuid(),
      invalid: fc.oneof(
        hostileText(300).filter((s) => !/^[A-Za-z0-9-]{8,64}$/.test(s)),
        notOfKind('string'),
      ),
      required: true,
    },
    what: {
      valid: text('Read about feature flags', '**Bold** <at>claims</at>'),
      invalid: fc.oneof(notOfKind('string', 'number'), blank, tooLong(200)),
      required: true,
    },
    sourceType: { valid: fc.constantFrom(...SOURCE_TYPES), invalid: fc.oneof(notOneOf(SOURCE_TYPES), notOfKind('string')), required: true },
    link: { valid: text('https://martinfowler.com/bliki/FeatureToggle.html'), invalid: notALink },
    minutes: { valid: text('20', '90'), invalid: notWholeIn(1, 1440) },
    rating: { valid: text('4'), invalid: notWholeIn(1, 5) },
    insight: { valid: text('Ship behind a flag', '[x](javascript:alert(1))'), invalid: tooLong(1000) },
    action: { valid: text('Try it on Monday'), invalid: tooLong(500) },
    // No `result`: it is read only from a card that asked about the last action, and ignored otherwise.
  };
}

/** An edit of an entry from the tab: wrong types and unknown fields are refused outright. */
export function entryEditFields(): Record<string, FieldSpec> {
  const { cardId: _cardId, ...fields } = cardCheckInFields();
  // Every field is optional here: one left out keeps its value.
  const orWrongType = (spec: FieldSpec, ...allowed: Parameters<typeof notOfKind>): FieldSpec => ({
    valid: spec.valid,
    invalid: fc.oneof(spec.invalid, notOfKind(...allowed)),
  });
  return {
    what: { valid: fields.what!.valid, invalid: fc.oneof(notOfKind('string', 'number'), blank, tooLong(200)) },
    sourceType: orWrongType(fields.sourceType!, 'string', 'number', 'null'),
    link: orWrongType(fields.link!, 'string', 'number', 'null'),
    minutes: orWrongType(fields.minutes!, 'string', 'number', 'null'),
    rating: orWrongType(fields.rating!, 'string', 'number', 'null'),
    insight: orWrongType(fields.insight!, 'string', 'number', 'null'),
    action: orWrongType(fields.action!, 'string', 'number', 'null'),
    result: { valid: text('It worked'), invalid: fc.oneof(tooLong(500), notOfKind('string', 'number', 'null')) },
    // Blank or null is refused too: clearing it would widen a private entry to the default.
    visibility: { valid: fc.constantFrom(...ENTRY_VISIBILITIES), invalid: fc.oneof(notOneOf(ENTRY_VISIBILITIES), notOfKind('string')) },
  };
}

/** A new goal, from the card or the API; unknown fields are ignored, numbers read as text. */
export function goalFields(): Record<string, FieldSpec> {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    what: { valid: text('Pair on code review'), invalid: fc.oneof(notOfKind('string', 'number'), blank, tooLong(200)), required: true },
    // A reason of any other type is read as none given, which is fine: only a long one is refused.
    why: { valid: text('To review faster'), invalid: tooLong(500) },
    targetDate: {
      valid: fc.constant(inDays(90)),
      invalid: fc.oneof(
        fc.constantFrom('2020-01-01', inDays(-2), inDays(365 * 3), '2027-02-30', 'tomorrow', '01/02/2027', ''),
        hostileText(200).filter((s) => !/\d{4}-\d{2}-\d{2}/.test(s)),
        notOfKind('string', 'number'),
      ),
      required: true,
    },
    resources: {
      valid: fc.constantFrom(['https://example.com/review'], 'https://example.com/a https://example.com/b'),
      invalid: fc.oneof(
        fc.array(notALink, { minLength: 1, maxLength: 3 }),
        notALink.filter((s) =>
          cleaned(s)
            .split(/[\s,]+/)
            .some((t) => t !== '' && !isHttpUrl(t)),
        ),
        fc.constant(['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://a.example/4']),
        notOfKind('string', 'array', 'null'),
      ),
    },
  };
}

/** A team's check-in schedule, from the setup card or the tab. */
export function scheduleFields(channelId: string): Record<string, FieldSpec> {
  // Coerced to numbers: `true` reads as 1 and `[5]` as 5, so only these wrong types are sure breakers.
  const notANumber = fc.constantFrom<unknown>({}, [1, 2], null, false);
  return {
    cadence: {
      valid: text('weekly', 'biweekly'),
      invalid: fc.oneof(notOneOf(['weekly', 'biweekly']), notOfKind('string')),
      required: true,
    },
    weekday: { valid: text('5'), invalid: fc.oneof(notWholeIn(1, 7), notANumber).filter((v) => !isWholeIn(1, 7, v)), required: true },
    localTime: {
      valid: text('16:00'),
      invalid: fc.oneof(
        hostileText(100).filter((s) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(s)),
        notOfKind('string'),
      ),
      required: true,
    },
    timeZone: {
      valid: text('Europe/London'),
      invalid: fc.oneof(
        hostileText(200).filter((s) => !IANAZone.isValidZone(s)),
        notOfKind('string'),
      ),
      required: true,
    },
    reminderAfterHours: { valid: text('24'), invalid: fc.oneof(notWholeIn(1, 72), notANumber), required: true },
    sharesChannelId: {
      valid: text(channelId),
      invalid: fc.oneof(fc.constant(''), longText(201, 5000), notOfKind('string')),
      required: true,
    },
  };
}

/** The LRS settings an L&D admin saves; unknown fields are refused, the secret may be left out. */
export function lrsSettingsFields(): Record<string, FieldSpec> {
  const credential = (max: number): FieldSpec['invalid'] =>
    fc.oneof(
      blank,
      tooLong(max),
      notOfKind('string'),
      hostileText(100).map((s) => `${s}\u0007`),
    );
  return {
    endpoint: {
      valid: text('https://lrs.example.com/xapi', 'https://lrs.example.com/xapi/'),
      invalid: fc.oneof(
        notALink,
        tooLong(500),
        notOfKind('string'),
        text(
          'ftp://lrs.example.com/xapi',
          'https://user:pw@lrs.example.com/xapi',
          'https://lrs.example.com/xapi?x=1',
          'javascript:alert(1)',
        ),
      ),
      required: true,
    },
    key: { valid: text('learning-loop'), invalid: fc.oneof(credential(200), text('has:colon')), required: true },
    secret: { valid: text('s3cret'), invalid: credential(500) },
  };
}
