import { describe, expect, it } from 'vitest';
import { parseCommand } from './command-parser.js';

describe('parseCommand', () => {
  it.each(['check in', 'Check In', '  checkin ', 'log', 'LOG.', 'check-in', 'check   in!'])('reads "%s" as a check-in', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'check-in' });
  });

  it.each(['help', 'HELP', '?', '', undefined])('reads %s as help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it.each(['share', 'Share learning', ' SHARE. '])('reads "%s" as sharing', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'share' });
  });

  it.each(['goal add', 'Goal', 'add goal', 'new goal.'])('reads "%s" as setting a goal', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'goal' });
  });

  it.each([
    ['export my data', 'export-my-data'],
    ['My data', 'export-my-data'],
    ['Erase my data.', 'erase-my-data'],
    ['delete   my data', 'erase-my-data'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(parseCommand(text)).toEqual({ kind });
  });

  it('ignores leftover mention markup in channels', () => {
    expect(parseCommand('<at>Learning Loop</at> check in')).toEqual({ kind: 'unknown', text: '<at>Learning Loop</at> check in' });
    expect(parseCommand('<p>check in</p>')).toEqual({ kind: 'check-in' });
  });

  it('keeps what was typed when it is not a command', () => {
    expect(parseCommand('what can you do for me')).toEqual({ kind: 'unknown', text: 'what can you do for me' });
  });

  it('strips tags as Teams sends them, and leaves a lone "<" as text', () => {
    expect(parseCommand('<div><p>Check <b>in</b>!</p></div>')).toEqual({ kind: 'check-in' });
    expect(parseCommand('a<b<c>d')).toEqual({ kind: 'unknown', text: 'a<b<c>d' });
    expect(parseCommand('3 < 4')).toEqual({ kind: 'unknown', text: '3 < 4' });
  });

  it.each([
    ['dots then a letter', '.'.repeat(100_000) + 'x'],
    ['unclosed tags', '<'.repeat(100_000)],
    ['tags that never close until the end', '<'.repeat(100_000) + '>'],
    ['spaces then a letter', ' \t'.repeat(50_000) + 'x'],
  ])('reads 100,000 characters of %s without holding up the bot', (_case, text) => {
    // Not a speed target: the parser reads at most 1,000 characters and takes well under a millisecond,
    // while a pattern that backtracks over 100,000 would take minutes. A second only tells those apart,
    // and no pause of a loaded machine comes near it.
    const started = performance.now();
    const command = parseCommand(text);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(command.kind).toBe('unknown');
    expect(command.kind === 'unknown' && command.text.length).toBeLessThanOrEqual(1_000);
  });
});
