import { describe, expect, it } from 'vitest';
import { editForm, filledEntry } from '../testing/entry-fixtures.js';
import { changesFrom, checkEntryForm, fieldErrorsFrom, formFromEntry, otherProblemsFrom } from './entry-form.js';

const entry = filledEntry;
const form = editForm;

describe('entry form', () => {
  it('starts from the entry, with blanks for what was left out', () => {
    expect(formFromEntry(entry)).toEqual({
      what: 'Read about feature flags',
      sourceType: 'article',
      link: 'https://example.com/flags',
      minutes: '20',
      rating: '',
      insight: 'Ship dark',
      action: '',
      result: '',
      visibility: 'leads',
    });
  });

  it('turns the form back into the entry’s fields, trimming text and clearing blanks', () => {
    const check = checkEntryForm(form({ what: '  Flags  ', minutes: ' 45 ', rating: '4', link: ' ', insight: '', result: 'Did it' }));
    expect(check).toEqual({
      ok: true,
      fields: {
        what: 'Flags',
        sourceType: 'article',
        link: null,
        minutes: 45,
        rating: 4,
        insight: null,
        action: null,
        result: 'Did it',
        visibility: 'leads',
      },
    });
  });

  it('sends only what changed', () => {
    const check = checkEntryForm(form({ minutes: '30', insight: '  Ship dark ' }));
    if (!check.ok) throw new Error('expected a valid form');
    expect(changesFrom(entry, check.fields)).toEqual({ minutes: 30 });
    const unchanged = checkEntryForm(form());
    if (!unchanged.ok) throw new Error('expected a valid form');
    expect(changesFrom(entry, unchanged.fields)).toEqual({});
  });

  it('states each problem beside its field', () => {
    const check = checkEntryForm(form({ what: ' ', link: 'ftp://example.com', minutes: '5000', rating: '2.5', action: 'x'.repeat(501) }));
    expect(check).toEqual({
      ok: false,
      errors: {
        what: 'Tell us what you learned',
        link: 'The link must be a web address starting with http:// or https://',
        minutes: 'Minutes must be between 1 and 1440',
        rating: 'Usefulness must be a whole number',
        action: 'The action is too long: at most 500 characters',
      },
    });
  });

  it('takes the service’s field messages for the fields it shows, ignoring anything else', () => {
    expect(fieldErrorsFrom({ minutes: 'Too many minutes', what: '', tenantId: 'nope', link: 3 })).toEqual({ minutes: 'Too many minutes' });
    expect(fieldErrorsFrom(undefined)).toEqual({});
    expect(fieldErrorsFrom('bad')).toEqual({});
  });

  it('keeps what the service said about the request as a whole, to show above the form', () => {
    expect(otherProblemsFrom({ body: 'These fields cannot be edited: id', minutes: 'Too many' })).toEqual([
      'These fields cannot be edited: id',
    ]);
    expect(otherProblemsFrom(null)).toEqual([]);
  });

  it('carries who can see it: a change is sent, an unknown value is refused before sending', () => {
    const narrowed = checkEntryForm(form({ visibility: 'private' }));
    if (!narrowed.ok) throw new Error('expected a valid form');
    expect(changesFrom(entry, narrowed.fields)).toEqual({ visibility: 'private' });
    expect(checkEntryForm(form({ visibility: '' }))).toMatchObject({
      ok: false,
      errors: { visibility: expect.stringMatching(/^Choose who can see this/) },
    });
    expect(fieldErrorsFrom({ visibility: 'Choose who can see this' })).toEqual({ visibility: 'Choose who can see this' });
  });
});
