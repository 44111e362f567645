import { describe, expect, it } from 'vitest';
import { teamTabConfig } from './teams-sdk.js';

describe('teamTabConfig', () => {
  it('points a saved channel tab at the team dashboard on this origin', () => {
    expect(teamTabConfig('https://loop.example.com')).toEqual({
      entityId: 'learning-loop-team',
      contentUrl: 'https://loop.example.com/team',
      websiteUrl: 'https://loop.example.com/team',
      suggestedDisplayName: 'Learning Loop',
    });
  });
});
