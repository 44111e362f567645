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
});
