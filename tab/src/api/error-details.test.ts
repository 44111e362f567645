import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api-client.js';
import { detailFor, fieldProblemsOf } from './error-details.js';

const refused = (errors: { field: string; message: string }[]) => new ApiFailure(400, 'Invalid entry', 'invalid_entry', errors);

describe('fieldProblemsOf', () => {
  it('reads each field a problem names, with the first message given for it', () => {
    const failure = refused([
      { field: 'minutes', message: 'Minutes must be between 1 and 1440' },
      { field: 'minutes', message: 'second' },
      { field: 'rating', message: 'Rating must be 1 to 5' },
    ]);
    expect(fieldProblemsOf(failure)).toEqual({ minutes: 'Minutes must be between 1 and 1440', rating: 'Rating must be 1 to 5' });
  });

  it('finds nothing in a failure that names no field, or in anything else', () => {
    expect(fieldProblemsOf(new ApiFailure(503, 'Storage is down'))).toEqual({});
    expect(fieldProblemsOf(new Error('offline'))).toEqual({});
    expect(fieldProblemsOf(undefined)).toEqual({});
  });
});

describe('detailFor', () => {
  it('reads one field’s own message, without the subject the problem’s detail starts with', () => {
    const failure = new ApiFailure(400, 'Invalid coaching note: note: The note is empty', 'invalid_request', [
      { field: 'note', message: 'The note is empty' },
    ]);
    expect(detailFor(failure, 'note')).toBe('The note is empty');
  });

  it('says a schema’s message as a sentence', () => {
    const failure = refused([{ field: 'timeZone', message: 'must be a time zone such as Europe/London' }]);
    expect(detailFor(failure, 'timeZone')).toBe('Must be a time zone such as Europe/London');
    expect(detailFor(failure, 'paused')).toBeUndefined();
  });

  it('finds nothing for an empty message', () => {
    expect(detailFor(refused([{ field: 'minutes', message: '' }]), 'minutes')).toBeUndefined();
  });
});
