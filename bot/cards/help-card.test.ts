import { describe, expect, it } from 'vitest';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { helpCard } from './help-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

describe('helpCard', () => {
  it('lists the commands and their aliases', () => {
    const check = expectValidTeamsCard(helpCard(en));
    expect(check.renderedText).toContain('check in, checkin, log');
    expect(check.renderedText).toContain('help');
    expect(check.renderedText).not.toContain('didn’t catch');
  });

  it('echoes an unknown command as plain, shortened text', () => {
    const check = expectValidTeamsCard(helpCard(en, { unknownCommand: `**hi** ${'x'.repeat(200)}` }));
    expect(check.renderedText).toContain('Sorry, I didn’t catch “**hi** x');
    expect(check.renderedText).toContain('…”');
    expect(check.renderedHtml).not.toContain('<strong>');
  });
});
