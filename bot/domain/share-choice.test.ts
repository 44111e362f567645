import { describe, expect, it } from 'vitest';
import { parseShareChoice } from './share-choice.js';

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
