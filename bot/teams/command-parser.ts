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

/**
 * Commands are a few words; text longer than this is not one and is not normalised at all, so
 * the work per message is bounded whatever a client sends. Every step below is linear besides.
 */
const LONGEST_COMMAND_TEXT = 1_000;

/** Reads what a person typed to the bot; mentions are already removed by the caller. */
export function parseCommand(text: string | undefined): Command {
  const typed = (text ?? '').trim();
  if (typed.length > LONGEST_COMMAND_TEXT) return { kind: 'unknown', text: typed.slice(0, LONGEST_COMMAND_TEXT) };
  const normalised = stripTrailingMarks(collapseSpaces(stripTags(typed)).toLowerCase()).trim();
  const kind = ALIASES[normalised];
  if (kind === 'check-in' || kind === 'pause' || kind === 'resume' || kind === 'share' || kind === 'goal') return { kind };
  if (kind === 'export-my-data' || kind === 'erase-my-data') return { kind };
  if (kind === 'help' || normalised === '') return { kind: 'help' };
  return { kind: 'unknown', text: typed };
}

/** Teams wraps text in HTML (`<p>check in</p>`): each tag becomes a space. One pass, no backtracking. */
function stripTags(text: string): string {
  // A `<` with no `>` after it never opens a tag: it is text.
  const lastClose = text.lastIndexOf('>');
  let out = '';
  let inTag = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inTag) {
      if (ch === '>') {
        inTag = false;
        out += ' ';
      }
    } else if (ch === '<' && i < lastClose) inTag = true;
    else out += ch;
  }
  return out;
}

function collapseSpaces(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

function stripTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
  return text.slice(0, end);
}
