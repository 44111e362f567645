// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { LazySharesFeed } from '../shares/lazy-sections.js';
import { coachRoute, coachingNote } from '../testing/coaching-fixtures.js';
import { TEAM_ID } from '../testing/dashboard-fixtures.js';
import { fakeApiClient, type FakeAnswer } from '../testing/fake-api-client.js';
import {
  buttonNamed,
  click,
  controlLabelled,
  eventually,
  renderInFluent,
  settle,
  typeInto,
  unmountRendered,
} from '../testing/render-page.js';
import { SHARES_ROUTE, share, shares } from '../testing/share-fixtures.js';

afterEach(unmountRendered);

let container: HTMLElement;

const MEGANS = share('Feature flags in practice', { shareId: 's1', sharerName: 'Megan Bowen' });
const ADELES = share('Inclusive design talk', { shareId: 's2', sharerName: 'Adele Vance' });
const MINE = share('Something I shared', { shareId: 's3', sharerName: 'Alex Wilber', sharedByMe: true });

async function render(isLead: boolean, routes: Record<string, FakeAnswer | FakeAnswer[]> = {}) {
  const service = fakeApiClient({ [SHARES_ROUTE]: shares([MEGANS, ADELES, MINE]), ...routes });
  container = await renderInFluent(<LazySharesFeed client={service.client} teamId={TEAM_ID} locale="en-US" isLead={isLead} />);
  await eventually(() => expect(container.querySelectorAll('[data-testid="share-card"]')).toHaveLength(3));
  return service;
}

const coachButtons = () => [...container.querySelectorAll<HTMLButtonElement>('[data-testid="coach-button"]')];
const dialog = () => document.querySelector<HTMLElement>('[data-testid="coach-dialog"]');
const status = () => container.querySelector('[data-testid="shares-status"]')?.textContent;
const describedBy = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

async function openFor(index: number) {
  await click(coachButtons()[index]);
  await eventually(() => expect(dialog()).not.toBeNull());
  return dialog()!;
}

describe('coaching from the shares feed', () => {
  it('offers a lead Coach on everyone’s shares but their own, each naming whom and what for screen readers', async () => {
    await render(true);
    expect(coachButtons().map((b) => b.textContent)).toEqual([
      'Coach Megan Bowen on ‘Feature flags in practice’',
      'Coach Adele Vance on ‘Inclusive design talk’',
    ]);
    const own = [...container.querySelectorAll('[data-testid="share-card"]')].find((c) => c.textContent?.includes('Something I shared'));
    expect(own?.querySelector('[data-testid="coach-button"]')).toBeNull();
  });

  it('offers a member no Coach at all', async () => {
    await render(false);
    expect(coachButtons()).toEqual([]);
  });

  it('sends the note, closes, says so in the feed and returns focus to Coach', async () => {
    const service = await render(true, { [coachRoute('s1')]: { note: { ...coachingNote('Feature flags in practice'), delivered: true } } });
    const form = await openFor(0);
    expect(form.querySelector('h2')?.textContent).toBe('Coach Megan Bowen');
    expect(form.getAttribute('aria-labelledby')).toBe(form.querySelector('h2')?.id);
    expect(form.textContent).toContain('On ‘Feature flags in practice’.');
    await typeInto(controlLabelled('Coaching note', form), '  Nice one. Try it on the next sprint?  ');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(service.callsTo('POST', '/')).toEqual([
      { method: 'POST', path: coachRoute('s1').slice(5), body: { note: 'Nice one. Try it on the next sprint?' } },
    ]);
    expect(dialog()).toBeNull();
    expect(status()).toBe('Coaching note sent to Megan Bowen. Their answer comes to your chat with Learning Loop.');
    expect(document.activeElement).toBe(coachButtons()[0]);
  });

  it('says when the note could not reach the sharer’s chat yet', async () => {
    await render(true, { [coachRoute('s2')]: { note: { ...coachingNote('Inclusive design talk'), delivered: false } } });
    const form = await openFor(1);
    await typeInto(controlLabelled('Coaching note', form), 'Could you present this at the retro?');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(status()).toContain('Coaching note saved; Adele Vance has not opened a chat with Learning Loop yet');
  });

  it('asks for a note before sending an empty one', async () => {
    const service = await render(true);
    const form = await openFor(0);
    await typeInto(controlLabelled('Coaching note', form), '   ');
    await click(buttonNamed('Send note', form));
    expect(service.callsTo('POST', '/')).toEqual([]);
    const note = controlLabelled('Coaching note', form);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(note)).toContain('Write your note');
    expect(document.activeElement).toBe(note);
  });

  it('shows a note the service rejects beside the field, keeping it', async () => {
    const rejected = new ApiFailure(400, 'Invalid coaching note: note: The note is too long: at most 1000 characters', 'invalid_request', [
      { field: 'note', message: 'The note is too long: at most 1000 characters' },
    ]);
    await render(true, { [coachRoute('s1')]: rejected });
    const form = await openFor(0);
    await typeInto(controlLabelled('Coaching note', form), 'A long note');
    await click(buttonNamed('Send note', form));
    await settle();
    const note = controlLabelled('Coaching note', form) as HTMLTextAreaElement;
    expect(dialog()).not.toBeNull();
    expect(describedBy(note)).toContain('The note is too long: at most 1000 characters');
    expect(note.value).toBe('A long note');
    expect(status()).toBe('');
  });

  it('says in the service’s words when it refuses, and what failed otherwise with a Retry', async () => {
    const service = await render(true, {
      [coachRoute('s1')]: [
        new ApiFailure(404, 'There is no such share in this team.', 'not_found'),
        new ApiFailure(503, 'Storage is down'),
        { note: { ...coachingNote('Feature flags in practice'), delivered: true } },
      ],
    });
    const form = await openFor(0);
    await typeInto(controlLabelled('Coaching note', form), 'Nice one');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(form.querySelector('[data-testid="coach-refusal"]')?.textContent).toBe('There is no such share in this team.');
    await click(buttonNamed('Send note', form));
    await settle();
    expect(form.textContent).toContain("Couldn't send your note to Megan Bowen (HTTP 503): Storage is down");
    await click(buttonNamed('Retry', form));
    await settle();
    expect(service.callsTo('POST', '/')).toHaveLength(3);
    expect(dialog()).toBeNull();
  });

  it('closes on Cancel without sending', async () => {
    const service = await render(true);
    const form = await openFor(1);
    await click(buttonNamed('Cancel', form));
    expect(dialog()).toBeNull();
    expect(service.callsTo('POST', '/')).toEqual([]);
    expect(document.activeElement).toBe(coachButtons()[1]);
  });
});
