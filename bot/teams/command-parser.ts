export type Command =
  | { kind: 'check-in' }
  | { kind: 'share' }
  | { kind: 'goal' }
  | { kind: 'help' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'export-my-data' }
  | { kind: 'erase-my-data' }
  | { kind: 'unknown'; text: string };

const ALIASES: Record<string, Command['kind']> = {
  'check in': 'check-in',
  'check-in': 'check-in',
  checkin: 'check-in',
  log: 'check-in',
  help: 'help',
  '?': 'help',
  pause: 'pause',
  resume: 'resume',
  share: 'share',
  goal: 'goal',
  'goal add': 'goal',
  'add goal': 'goal',
  'add a goal': 'goal',
  'new goal': 'goal',
  'share learning': 'share',
  'export my data': 'export-my-data',
  'my data': 'export-my-data',
  'erase my data': 'erase-my-data',
  'delete my data': 'erase-my-data',
};

/** Reads what a person typed to the bot; mentions are already removed by the caller. */
export function parseCommand(text: string | undefined): Command {
  const normalised = (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  const kind = ALIASES[normalised];
  if (kind === 'check-in' || kind === 'pause' || kind === 'resume' || kind === 'share' || kind === 'goal') return { kind };
  if (kind === 'export-my-data' || kind === 'erase-my-data') return { kind };
  if (kind === 'help' || normalised === '') return { kind: 'help' };
  return { kind: 'unknown', text: (text ?? '').trim() };
}
