import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalAnswersOf } from '../domain/goal.js';
import { GOAL_LIMITS, GOAL_STATES } from '../contract/goal-rules.js';
import { parseShareChoice as parseShareValues } from '../domain/share-choice.js';
import { goalInputId } from '../cards/check-in-card-sections.js';
import { checkInCardFormOf, checkInFormOf, dialogFormOf } from './check-in-form.js';

const asForm = (data: unknown) =>
  typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
/** What the form reads for visibility, as the services then see it. */
const visibilityAskedBy = (data: unknown, options: { always?: boolean } = {}) =>
  checkInFormOf(asForm(data), options.always ? 'share' : 'check-in').command.share.visibility;
/** The share choice the services decide from what the form read. */
const parseShareChoice = (data: unknown, options: { always?: boolean } = {}) =>
  parseShareValues(checkInFormOf(asForm(data), options.always ? 'share' : 'check-in').command.share);
/** The goal answers the form read, checked against the open goals; the inputs a refused card shows again. */
function goalAnswersFrom(data: unknown, open: readonly string[]) {
  const form = checkInFormOf(asForm(data), 'check-in');
  const answers = goalAnswersOf(form.command.goalAnswers, open);
  return answers.ok ? answers : { ...answers, values: form.echo.goals };
}

describe('checkInFormOf', () => {
  it('maps a check-in card to the typed command: fields as text, visibility, share, goals by id, ticked recommendations, cycle, card', () => {
    const form = checkInCardFormOf({
      cardId: 'card-0001',
      cycle: '2026-W48',
      what: 'Pairing on SQL',
      sourceType: 'mentoring',
      minutes: 30,
      visibility: 'team',
      shareTeamId: '19:t@thread',
      shareParts: 'insight',
      'goal.g1.state': 'behind',
      'goal.g1.note': 'Busy sprint',
      [`rec.${encodeURIComponent('19:t@thread')}.r1`]: 'true',
      [`rec.${encodeURIComponent('19:t@thread')}.r2`]: 'false',
      previousEntryId: 'entry-0001',
      previousCreatedAt: '2026-11-20T10:00:00.000Z',
      previousAction: 'Try it',
      tenantId: 'someone-else',
    });
    expect(form.purpose).toBe('check-in');
    expect(form.command.entry).toEqual({
      cardId: 'card-0001',
      cycle: '2026-W48',
      what: 'Pairing on SQL',
      sourceType: 'mentoring',
      minutes: '30',
      visibility: 'team',
      // A card sent before several actions were asked names its one action in flat fields.
      asked: [{ entryId: 'entry-0001', createdAt: '2026-11-20T10:00:00.000Z', action: 'Try it' }],
    });
    expect(form.command.shareOnly).toBe(false);
    expect(form.command.share).toEqual({ visibility: 'team', shareTeamId: '19:t@thread', shareParts: 'insight' });
    expect([...form.command.goalAnswers]).toEqual([['g1', { state: 'behind', note: 'Busy sprint' }]]);
    expect(form.command.recommendationsDone).toEqual([{ teamId: '19:t@thread', recId: 'r1' }]);
    expect(form.echo.goals).toEqual({ 'goal.g1.state': 'behind', 'goal.g1.note': 'Busy sprint' });
  });

  it('reads each action the card asked about with the answer chosen and the words typed, and no more than three', () => {
    const asked = [1, 2, 3, 4].map((n) => ({ entryId: `entry-000${n}`, createdAt: '2026-11-20T10:00:00.000Z', action: `Plan ${n}` }));
    const form = checkInCardFormOf({
      cardId: 'card-0001',
      asked: asked.slice(0, 3),
      'actionAnswer.0': 'result',
      'actionResult.0': 'It worked',
      'actionAnswer.1': 'dropped',
      'actionResult.2': 42,
    });
    expect(form.command.entry.asked).toEqual([
      { ...asked[0], answer: 'result', text: 'It worked' },
      { ...asked[1], answer: 'dropped' },
      { ...asked[2], text: '42' },
    ]);
    // A list the card could not have sent (four actions, a forged id) asks about nothing.
    expect(checkInCardFormOf({ cardId: 'card-0001', asked }).command.entry.asked).toBeUndefined();
    expect(checkInCardFormOf({ cardId: 'card-0001', asked: [{ ...asked[0], entryId: 'a|b' }] }).command.entry.asked).toBeUndefined();
  });

  it('reads the answer to a card sent before several actions were asked from its result box', () => {
    const form = checkInCardFormOf({
      cardId: 'card-0001',
      previousEntryId: 'entry-0001',
      previousCreatedAt: '2026-11-20T10:00:00.000Z',
      previousAction: 'Try it',
      result: 'Done',
    });
    expect(form.command.entry.asked).toEqual([
      { entryId: 'entry-0001', createdAt: '2026-11-20T10:00:00.000Z', action: 'Try it', text: 'Done' },
    ]);
  });

  it('reads the share-only form as sharing, and a cycle that is not text as no cycle of ours', () => {
    const form = checkInCardFormOf({ purpose: 'share', visibility: 'private', cycle: 7 });
    expect(form.purpose).toBe('share');
    expect(form.command.shareOnly).toBe(true);
    expect(form.command.share.visibility).toBe('team');
    expect(form.command.entry.cycle).toBe('');
  });

  it('reads a dialog by its purpose, and anything that is not a form as an empty one', () => {
    expect(dialogFormOf({ learningDialog: 'save-message', what: 'x' }).purpose).toBe('save-message');
    expect(dialogFormOf({ learningDialog: 'other' }).command.shareOnly).toBe(true);
    expect(dialogFormOf('nonsense').command.entry).toEqual({ visibility: 'team' });
  });
});

describe('visibility as the form asks for it', () => {
  it.each([
    ['the share-only form', { visibility: 'private' }, { always: true }, 'team'],
    ['the choice', { visibility: 'private', shareWithTeam: 'true' }, {}, 'private'],
    ['an old card’s ticked toggle', { shareWithTeam: 'true' }, {}, 'team'],
    ['an old card’s unticked toggle', { shareWithTeam: 'false' }, {}, undefined],
    ['nothing said', {}, {}, undefined],
    ['not an object', 'team', {}, undefined],
    ['a bad value, kept to be refused', { visibility: 'everyone' }, {}, 'everyone'],
  ])('the form asks through %s', (_name, data, options, expected) => {
    expect(visibilityAskedBy(data, options)).toBe(expected);
  });
});

describe('parseShareChoice', () => {
  it.each([
    ['not ticked', { shareTeamId: 't', shareParts: 'insight' }, { ok: true, share: null }],
    ['ticked as "false"', { shareWithTeam: 'false', shareTeamId: 't' }, { ok: true, share: null }],
    [
      'ticked, with parts in any order',
      { shareWithTeam: 'true', shareTeamId: 't', shareParts: 'link,insight' },
      { ok: true, share: { teamId: 't', parts: ['insight', 'link'] } },
    ],
    ['ticked, nothing extra chosen', { shareWithTeam: 'true', shareTeamId: 't' }, { ok: true, share: { teamId: 't', parts: [] } }],
    ['ticked without a team', { shareWithTeam: 'true', shareParts: 'action' }, { ok: false, error: 'Choose the team to share with' }],
    [
      'an unknown part',
      { shareWithTeam: 'true', shareTeamId: 't', shareParts: 'insight,password' },
      { ok: false, error: 'Choose what to share from: insight, action, link' },
    ],
    [
      'a team id with control characters',
      { shareWithTeam: 'true', shareTeamId: 't\u0000x' },
      { ok: false, error: 'That team is not one you can share with' },
    ],
    ['a non-object submission', 'share everything', { ok: true, share: null }],
  ])('%s', (_name, data, expected) => {
    expect(parseShareChoice(data)).toMatchObject(expected);
  });

  it('keeps what was typed when it rejects the choice', () => {
    const choice = parseShareChoice({ shareWithTeam: 'true', shareParts: 'insight' });
    expect(choice).toMatchObject({ ok: false, values: { shareWithTeam: 'true', shareParts: 'insight' } });
  });

  it('needs no toggle on a form that only shares', () => {
    expect(parseShareChoice({ shareTeamId: 't', shareParts: 'action' }, { always: true })).toEqual({
      ok: true,
      share: { teamId: 't', parts: ['action'] },
    });
  });
});

describe('goalAnswersFrom', () => {
  const open = ['g1', 'g2', 'g3'];
  const state = (id: string) => goalInputId(id, 'state');
  const note = (id: string) => goalInputId(id, 'note');

  it('names inputs by goal', () => {
    expect(goalInputId('g1', 'state')).toBe('goal.g1.state');
    expect(goalInputId('g1', 'note')).toBe('goal.g1.note');
  });

  it('reads each answered goal, in the order given, and skips goals left blank', () => {
    const data = {
      [state('g2')]: 'behind',
      [note('g2')]: '  Busy sprint  ',
      [state('g1')]: 'done',
      [note('g1')]: '',
      [state('g3')]: '',
      [note('g3')]: ' ',
      what: 'other card fields',
    };
    expect(goalAnswersFrom(data, open)).toEqual({
      ok: true,
      answers: [
        { goalId: 'g1', state: 'done', note: null },
        { goalId: 'g2', state: 'behind', note: 'Busy sprint' },
      ],
    });
  });

  it.each(GOAL_STATES)('accepts the state %s', (s) => {
    expect(goalAnswersFrom({ [state('g1')]: s }, open)).toEqual({ ok: true, answers: [{ goalId: 'g1', state: s, note: null }] });
  });

  it('ignores ids that are not open goals, so a forged id touches nothing', () => {
    const data = { [state('other')]: 'done', [note('other')]: 'x'.repeat(5000), [state('closed')]: 'bogus', [state('g1')]: 'on-track' };
    expect(goalAnswersFrom(data, open)).toEqual({ ok: true, answers: [{ goalId: 'g1', state: 'on-track', note: null }] });
    expect(goalAnswersFrom(data, [])).toEqual({ ok: true, answers: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a note without a state', { [note('g1')]: 'Read two chapters' }, 'Choose how this goal is going'],
    ['a state that is not offered', { [state('g1')]: 'finished' }, 'Choose one of: On track, Behind, Done, Dropped'],
    ['a state that is not text', { [state('g1')]: 3 }, 'Choose one of: On track, Behind, Done, Dropped'],
    [
      'a note that is too long',
      { [state('g1')]: 'behind', [note('g1')]: 'n'.repeat(GOAL_LIMITS.note + 1) },
      'The note is too long: at most 500 characters',
    ],
  ])('rejects %s, echoing the open goals’ inputs', (_name, answer, message) => {
    const data = { ...answer, [state('g2')]: 'done', [note('g2')]: 'Finished the course', [state('forged')]: 'done' };
    const result = goalAnswersFrom(data, open);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ g1: message });
    expect(result.values[state('g2')]).toBe('done');
    expect(result.values[note('g2')]).toBe('Finished the course');
  });

  it('keeps an error for a goal whose id is a property name of every object', () => {
    const result = goalAnswersFrom({ [note('__proto__')]: 'x', [note('constructor')]: 'y' }, ['__proto__', 'constructor']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['__proto__', 'constructor']);
  });

  it('accepts a note of exactly the limit and cuts a huge echoed note', () => {
    expect(goalAnswersFrom({ [state('g1')]: 'behind', [note('g1')]: 'n'.repeat(GOAL_LIMITS.note) }, open).ok).toBe(true);
    const result = goalAnswersFrom({ [note('g1')]: 'n'.repeat(1_000_000) }, open);
    expect(!result.ok && result.values[note('g1')]).toHaveLength(2000);
  });

  it.each<[unknown]>([[null], [undefined], ['goal.g1.state'], [42], [[]], [['goal.g1.state']]])('reads %j as no answers', (data) => {
    expect(goalAnswersFrom(data, open)).toEqual({ ok: true, answers: [] });
  });
});

describe('hostile input to the check-in form', () => {
  const ids = ['g1', 'g2', '', 'constructor', '__proto__'];

  it('never throws, whatever arrives, and reads goal answers only for the open goals', () => {
    const fieldKeys = fc.constantFrom(
      'what',
      'cardId',
      'cycle',
      'visibility',
      'shareWithTeam',
      'shareTeamId',
      'rec.19%3Aa%40thread.r1',
      ...ids.flatMap((id) => [goalInputId(id, 'state'), goalInputId(id, 'note')]),
    );
    const inputs = fc.oneof(
      fc.dictionary(fc.string(), fc.string()),
      fc.dictionary(fieldKeys, fc.oneof(fc.anything(), fc.string(), fc.array(fc.string()), fc.constantFrom(...GOAL_STATES))),
    );
    fc.assert(
      fc.property(inputs, fc.constantFrom('check-in', 'share', 'save-message'), (data, purpose) => {
        const form = checkInFormOf(data, purpose as 'check-in');
        const answers = goalAnswersOf(form.command.goalAnswers, ids);
        expect(typeof answers.ok).toBe('boolean');
        if (answers.ok) for (const a of answers.answers) expect(ids).toContain(a.goalId);
      }),
      { numRuns: 500 },
    );
  });
});
