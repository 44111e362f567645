import { describe, expect, it } from 'vitest';
import type { CheckInSchedule } from '../contract/check-in-schedule.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { TEAM_SETUP_OPEN_VERB, scheduleValues, teamSetupCard, teamSetupSavedCard, welcomeCard } from './team-setup-cards.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const channels = [
  { id: '19:general', name: 'General' },
  { id: '19:shares', name: 'Learning shares' },
];
const schedule: CheckInSchedule = {
  cadence: 'biweekly',
  weekday: 2,
  localTime: '09:30',
  timeZone: 'America/Los_Angeles',
  reminderAfterHours: 48,
  anchorMonday: '2026-11-23',
};

describe('team setup cards', () => {
  it('welcomes the team and offers to set up check-ins, escaping names', () => {
    const card = welcomeCard({ teamName: 'R&D *core*', installerName: '[Alex](https://evil.example)' }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Learning Loop is here for R&D *core*');
    expect(check.renderedHtml).not.toContain('href="https://evil.example"');
    expect(card.actions?.[0]).toMatchObject({ title: 'Set up check-ins', verb: TEAM_SETUP_OPEN_VERB });
  });

  it.each(['en', 'es', 'ar'])(
    'says in %s who leads for now, or that an owner must set the team up when the installer does not own it',
    (tag) => {
      const t = botTranslator(tag);
      const leads = expectValidTeamsCard(welcomeCard({ teamName: 'Alpha', installerName: 'Megan' }, t)).renderedText;
      const needsOwner = expectValidTeamsCard(welcomeCard({ teamName: 'Alpha', installerName: 'Megan', needsOwner: true }, t)).renderedText;
      expect(leads).toContain(t.t('team.welcome.installer', { name: 'Megan' }));
      expect(needsOwner).toContain(t.t('team.welcome.needsOwner', { name: 'Megan' }));
      expect(needsOwner).not.toContain(t.t('team.welcome.installer', { name: 'Megan' }));
    },
  );

  it('shows the current settings on the form', () => {
    const check = expectValidTeamsCard(teamSetupCard({ channels, values: scheduleValues(schedule, '19:shares') }, en));
    expect(check.inputIds).toEqual([
      'cadence',
      'weekday',
      'localTime',
      'timeZone',
      'reminderAfterHours',
      'sharesChannelId',
      'roundupEnabled',
      'roundupWeekday',
    ]);
    expect(check.inputValues).toMatchObject({
      cadence: 'biweekly',
      weekday: '2',
      localTime: '09:30',
      timeZone: 'America/Los_Angeles',
      reminderAfterHours: '48',
      sharesChannelId: '19:shares',
    });
  });

  it('states each problem under its field and keeps the values', () => {
    const check = expectValidTeamsCard(
      teamSetupCard(
        {
          channels,
          values: { localTime: '16:00', timeZone: 'Pacific/Chatham' },
          errors: { reminderAfterHours: 'Remind after 1 to 72 hours' },
        },
        en,
      ),
    );
    expect(check.renderedText).toContain('Remind after 1 to 72 hours');
    // A zone outside the common list is still offered, so the lead's choice is not lost.
    expect(check.inputValues.timeZone).toBe('Pacific/Chatham');
  });

  it('confirms the schedule in words', () => {
    const check = expectValidTeamsCard(
      teamSetupSavedCard(
        { schedule, sharesChannelName: 'Learning shares', leadName: 'Alex Wilber', roundup: { enabled: true, weekday: 5 } },
        en,
      ),
    );
    // Times of day as the reader's locale writes them (en: 12-hour, with a narrow space before AM/PM).
    expect(check.renderedText).toMatch(/Every other Tuesday at 9:30\sAM, each person’s local time/);
    expect(check.renderedText).toContain('America/Los Angeles');
    expect(check.renderedText).toContain('After 48 h');
    expect(check.renderedText).toContain('Set by Alex Wilber');
    expect(check.renderedText).toMatch(/Every Friday at 3:00\sPM, team time zone/);
  });

  it('offers the weekly round-up on Fridays by default, and keeps a lead’s choice and its problem', () => {
    const fresh = expectValidTeamsCard(teamSetupCard({ channels }, en));
    expect(fresh.inputValues.roundupEnabled).toBe('true');
    expect(fresh.inputValues.roundupWeekday).toBe('5');
    const chosen = expectValidTeamsCard(
      teamSetupCard(
        {
          channels,
          values: scheduleValues(schedule, 'c1', { enabled: false, weekday: 3 }),
          errors: { roundupWeekday: 'Choose a day for the weekly round-up' },
        },
        en,
      ),
    );
    expect(chosen.inputValues.roundupEnabled).toBe('false');
    expect(chosen.inputValues.roundupWeekday).toBe('3');
    expect(chosen.renderedText).toContain('Choose a day for the weekly round-up');
    const off = teamSetupSavedCard(
      { schedule, sharesChannelName: 'General', leadName: 'Alex', roundup: { enabled: false, weekday: 5 } },
      en,
    );
    expect(expectValidTeamsCard(off).renderedText).toContain('Weekly round-up');
  });
});
