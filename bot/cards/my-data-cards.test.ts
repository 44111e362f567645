import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import {
  MY_DATA_ERASE_VERB,
  countsText,
  eraseMyDataCard,
  erasingMyDataCard,
  myDataEraseFailedCard,
  myDataErasedCard,
  myDataExportCard,
} from './my-data-cards.js';
import { removedShareCard } from './removed-share-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const counts = { entries: 12, checkIns: 8, goals: 1, shares: 2, marks: 3, saved: 0, nudges: 0, coaching: 0, recommendations: 0 };

describe('my data cards', () => {
  it('says what is held and links to the tab section that downloads it', () => {
    const card = myDataExportCard({ counts, url: 'http://localhost:3978/personal#your-data' }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain(
      'What I hold of yours: 12 learning entries, 8 check-in records, 1 goal, 2 shares, 3 marks on others’ shares.',
    );
    expect(check.renderedText).toContain('Your data');
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: 'http://localhost:3978/personal#your-data' })]);
    expect(myDataExportCard({ counts, url: undefined }, en).actions).toBeUndefined();
  });

  it('asks for the typed phrase, says it cannot be undone, and keeps what was typed with the problem', () => {
    const check = expectValidTeamsCard(eraseMyDataCard(en));
    expect(check.renderedText).toContain('This cannot be undone.');
    expect(check.inputIds).toEqual(['confirm']);
    const card = eraseMyDataCard(en, { typed: 'erase **all**', problem: 'Type “erase my data” exactly' });
    const again = expectValidTeamsCard(card);
    expect(again.inputValues.confirm).toBe('erase **all**');
    expect(again.renderedText).toContain('Type “erase my data” exactly');
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: MY_DATA_ERASE_VERB, style: 'destructive' })]);
  });

  it('are valid Teams cards while erasing, after, on failure, and for a removed share (which names nobody)', () => {
    for (const card of [erasingMyDataCard(en), myDataErasedCard(en), myDataEraseFailedCard(en), removedShareCard(en)])
      expectValidTeamsCard(card);
    expect(expectValidTeamsCard(removedShareCard(en)).renderedText).toContain('Learning share removed');
    expect(removedShareCard(en).actions).toBeUndefined();
  });
});

describe('countsText', () => {
  const none = { entries: 0, checkIns: 0, goals: 0, shares: 0, marks: 0, saved: 0, nudges: 0, coaching: 0, recommendations: 0 };

  it('names each kind held, singular or plural, and leaves out the empty ones', () => {
    expect(countsText({ ...none, entries: 12, goals: 1, marks: 2 }, en)).toBe('12 learning entries, 1 goal, 2 marks on others’ shares');
  });

  it('says it in the reader’s language', () => {
    expect(countsText({ ...none, entries: 12, goals: 1 }, botTranslator('es-ES'))).toBe('12 entradas de aprendizaje y 1 objetivo');
  });

  it('says so when there is nothing', () => {
    expect(countsText(none, en)).toBe('nothing yet');
  });
});
