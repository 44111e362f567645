import { describe, expect, it } from 'vitest';
import { completedFrom, isFor, recommendationInputId } from './recommendation.js';
import { validateRecommendation } from '../contract/recommendation-rules.js';

describe('validateRecommendation', () => {
  it.each([
    [
      'to the whole team',
      { title: ' Inspired ', link: 'https://svpg.com/inspired' },
      { ok: true, input: { title: 'Inspired', link: 'https://svpg.com/inspired', note: null, learnerId: null } },
    ],
    [
      'to one member, with a note',
      { title: 'SBI', link: 'https://x.example', note: 'Read before our 1:1', learnerId: 'u1' },
      { ok: true, input: { title: 'SBI', link: 'https://x.example', note: 'Read before our 1:1', learnerId: 'u1' } },
    ],
    ['without a title', { title: ' ', link: 'https://x.example' }, { ok: false, errors: { title: 'Say what you recommend' } }],
    [
      'with a link that is not a web address',
      { title: 'x', link: 'javascript:alert(1)' },
      { ok: false, errors: { link: 'The link must be a web address starting with http:// or https://' } },
    ],
    [
      'with a field it does not know',
      { title: 'x', link: 'https://x.example', leadId: 'me' },
      { ok: false, errors: { leadId: 'is not a field of a recommendation' } },
    ],
    ['with nothing', undefined, { ok: false }],
  ])('%s', (_name, body, expected) => {
    expect(validateRecommendation(body)).toMatchObject(expected);
  });
});

describe('recommendations on the check-in card', () => {
  it('is for the member it names, or for everyone when it names nobody', () => {
    expect(isFor({ learnerId: null }, 'u1')).toBe(true);
    expect(isFor({ learnerId: 'u1' }, 'u1')).toBe(true);
    expect(isFor({ learnerId: 'u2' }, 'u1')).toBe(false);
  });

  it('counts as done only the ticked toggles of recommendations the card offered', () => {
    const offered = [
      { teamId: '19:a@thread', recId: 'r1' },
      { teamId: '19:a@thread', recId: 'r2' },
    ];
    const data = {
      [recommendationInputId('19:a@thread', 'r1')]: 'true',
      [recommendationInputId('19:a@thread', 'r2')]: 'false',
      [recommendationInputId('19:a@thread', 'r9')]: 'true',
    };
    expect(completedFrom(data, offered)).toEqual([offered[0]]);
    expect(completedFrom('nonsense', offered)).toEqual([]);
  });
});
