import { describe, expect, it } from 'vitest';
import { memberEntriesPath, memberFromPath, pageFromPath, teamDashboardPath } from './routes.js';

const TEAM = '19:learning-loop-demo@thread.tacv2';
const MEGAN = 'a1000000-0000-4000-8000-000000000002';

describe('pageFromPath', () => {
  it('opens the learner’s own page by default', () => {
    expect(pageFromPath('/')).toBe('personal');
    expect(pageFromPath('/index.html')).toBe('personal');
    expect(pageFromPath('/personal')).toBe('personal');
  });

  it('opens the team, configuration and report pages by their paths, with or without a trailing slash', () => {
    expect(pageFromPath('/team')).toBe('team');
    expect(pageFromPath('/team/')).toBe('team');
    expect(pageFromPath('/configure')).toBe('configure');
    expect(pageFromPath('/admin')).toBe('admin');
  });

  it('does not mistake a similar path for the team page', () => {
    expect(pageFromPath('/teamwork')).toBe('personal');
  });

  it('opens a member’s entries at /teams/{teamId}/members/{userId}, and nothing shorter or longer', () => {
    expect(pageFromPath(memberEntriesPath({ teamId: TEAM, userId: MEGAN }))).toBe('member-entries');
    expect(pageFromPath(`${memberEntriesPath({ teamId: TEAM, userId: MEGAN })}/`)).toBe('member-entries');
    expect(pageFromPath('/teams/t1/members')).toBe('personal');
    expect(pageFromPath('/teams/t1/members/u1/entries')).toBe('personal');
    expect(pageFromPath('/teams//members/u1')).toBe('personal');
  });
});

describe('the member-entries path', () => {
  it('carries a Teams team id and a user id through the path and back unchanged', () => {
    const path = memberEntriesPath({ teamId: TEAM, userId: MEGAN });
    expect(path).toBe(`/teams/19%3Alearning-loop-demo%40thread.tacv2/members/${MEGAN}`);
    expect(memberFromPath(path)).toEqual({ teamId: TEAM, userId: MEGAN });
  });

  it('keeps the query, so a local demo identity and theme go along', () => {
    expect(memberEntriesPath({ teamId: 't1', userId: 'u1' }, '?user=alex&theme=dark')).toBe('/teams/t1/members/u1?user=alex&theme=dark');
  });

  it('names nobody for another path or a malformed escape', () => {
    expect(memberFromPath('/team')).toBeUndefined();
    expect(memberFromPath('/teams/%E0%A4%A/members/u1')).toBeUndefined();
    // A slash inside an id stays inside it: the path cannot be bent to name another resource.
    expect(memberFromPath(memberEntriesPath({ teamId: 'a/b', userId: 'u1' }))).toEqual({ teamId: 'a/b', userId: 'u1' });
  });

  it('leads back to the team’s dashboard by name, keeping the rest of the query', () => {
    expect(teamDashboardPath(TEAM, '?user=alex&theme=contrast')).toBe(
      '/team?user=alex&theme=contrast&team=19%3Alearning-loop-demo%40thread.tacv2',
    );
    expect(teamDashboardPath(TEAM, '?team=other&user=alex')).toBe('/team?team=19%3Alearning-loop-demo%40thread.tacv2&user=alex');
    expect(teamDashboardPath('t1')).toBe('/team?team=t1');
  });
});
