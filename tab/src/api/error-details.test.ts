import { describe, expect, it } from 'vitest';
import { detailFor } from './error-details.js';

describe('detailFor', () => {
  it('reads a form’s { field: message }', () => {
    expect(detailFor({ minutes: 'Minutes must be between 1 and 1440' }, 'minutes')).toBe('Minutes must be between 1 and 1440');
    expect(detailFor({ minutes: '' }, 'minutes')).toBeUndefined();
  });

  it('reads a schema’s list of { path, message }, as a sentence', () => {
    const details = [{ path: 'timeZone', message: 'must be a time zone such as Europe/London' }];
    expect(detailFor(details, 'timeZone')).toBe('Must be a time zone such as Europe/London');
    expect(detailFor(details, 'paused')).toBeUndefined();
  });

  it('finds nothing in anything else', () => {
    expect(detailFor(undefined, 'what')).toBeUndefined();
    expect(detailFor('what', 'what')).toBeUndefined();
    expect(detailFor([null, 3], 'what')).toBeUndefined();
  });
});
