import { describe, expect, it } from 'vitest';
import { referenceWithoutPerson } from './conversation-reference.js';

const reference = (user: object) =>
  JSON.stringify({
    activityId: 'a1',
    user,
    bot: { id: '28:bot', name: 'Learning Loop' },
    conversation: { id: '19:team@thread.tacv2', conversationType: 'channel', tenantId: 't1' },
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
  });

describe('referenceWithoutPerson', () => {
  it('takes out the account of the person named, by Teams id or Entra object id, and keeps the rest', () => {
    const megan = { id: '29:megan', aadObjectId: 'u-megan', name: 'Megan Bowen' };
    for (const ids of [['29:megan'], ['u-megan']]) {
      const scrubbed = referenceWithoutPerson(reference(megan), ids);
      expect(scrubbed).toBeDefined();
      expect(scrubbed).not.toContain('Megan');
      expect(scrubbed).not.toContain('megan');
      expect(JSON.parse(scrubbed!)).toEqual(
        expect.objectContaining({ bot: { id: '28:bot', name: 'Learning Loop' }, serviceUrl: 'https://smba.example/' }),
      );
    }
  });

  it('leaves a reference that names someone else, or nobody, or is not JSON', () => {
    expect(
      referenceWithoutPerson(reference({ id: '29:alex', aadObjectId: 'u-alex', name: 'Alex' }), ['29:megan', 'u-megan']),
    ).toBeUndefined();
    expect(referenceWithoutPerson(JSON.stringify({ conversation: { id: 'c' } }), ['u-megan'])).toBeUndefined();
    expect(referenceWithoutPerson('not json', ['u-megan'])).toBeUndefined();
  });
});
