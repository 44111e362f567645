import { describe, expect, it } from 'vitest';
import { GOAL_FIELDS } from '../../../bot/contract/goal-rules.js';
import { EMPTY_GOAL_FORM, GOAL_FORM_FIELDS, checkGoalForm, goalFieldErrorsFrom, linksFrom } from './goal-form.js';

const form = (over: Partial<typeof EMPTY_GOAL_FORM>) => ({ ...EMPTY_GOAL_FORM, ...over });

describe('the add-goal form', () => {
  it('names its fields as the service does, so the service’s messages land beside them', () => {
    expect([...GOAL_FORM_FIELDS]).toEqual([...GOAL_FIELDS]);
  });

  it('sends what was typed, trimmed, leaving out a blank why and no links', () => {
    expect(checkGoalForm(form({ what: ' Learn Rust ', why: '  ', targetDate: '2026-12-31' }))).toEqual({
      ok: true,
      input: { what: 'Learn Rust', targetDate: '2026-12-31' },
    });
    expect(
      checkGoalForm(
        form({ what: 'Learn Rust', why: 'New services', targetDate: '2026-12-31', resources: 'https://a.example\r\n\nhttps://b.example ' }),
      ),
    ).toEqual({
      ok: true,
      input: { what: 'Learn Rust', why: 'New services', targetDate: '2026-12-31', resources: ['https://a.example', 'https://b.example'] },
    });
  });

  it('takes links one per line, blank lines dropped and repeats kept once', () => {
    expect(linksFrom(' https://a.example \n\nhttps://b.example\nhttps://a.example\n')).toEqual(['https://a.example', 'https://b.example']);
    expect(linksFrom('')).toEqual([]);
  });

  it('says what is missing or wrong, field by field', () => {
    expect(checkGoalForm(EMPTY_GOAL_FORM)).toEqual({
      ok: false,
      errors: { what: 'Say what you want to learn', targetDate: 'Choose a target date' },
    });
    const check = checkGoalForm(
      form({ what: 'x'.repeat(201), why: 'y'.repeat(501), targetDate: '31/12/2026', resources: 'javascript:alert(1)' }),
    );
    expect(check).toEqual({
      ok: false,
      errors: {
        what: 'The goal is too long: at most 200 characters',
        why: 'The reason is too long: at most 500 characters',
        targetDate: 'Give the target date as YYYY-MM-DD',
        resources: '“javascript:alert(1)” is not a web address starting with http:// or https://',
      },
    });
    const four = ['a', 'b', 'c', 'd'].map((h) => `https://${h}.example`).join('\n');
    expect(checkGoalForm(form({ what: 'Rust', targetDate: '2026-12-31', resources: four }))).toEqual({
      ok: false,
      errors: { resources: 'At most 3 links' },
    });
  });

  it('reads the service’s { field: message }, ignoring what the form does not show', () => {
    expect(goalFieldErrorsFrom({ targetDate: 'The target date has passed', resources: 'At most 3 links', other: 'x', what: '' })).toEqual({
      targetDate: 'The target date has passed',
      resources: 'At most 3 links',
    });
    expect(goalFieldErrorsFrom(undefined)).toEqual({});
    expect(goalFieldErrorsFrom('nope')).toEqual({});
  });
});
