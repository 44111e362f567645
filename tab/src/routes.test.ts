import { describe, expect, it } from 'vitest';
import { pageFromPath } from './routes.js';

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
});
