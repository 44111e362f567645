import { createHash } from 'node:crypto';
import type { EntryVisibility } from '../contract/entry-visibility.js';
import type { ActionAnswer, LearningEntryInput } from '../contract/learning-entry.js';
import type { DemoPerson } from './demo-team.js';

/** Things people on a product team plausibly learn from; the demo samples from these. */
const LEARNINGS: readonly Omit<LearningEntryInput, 'visibility'>[] = [
  {
    what: 'Writing crisp problem statements',
    sourceType: 'article',
    link: 'https://www.nngroup.com/articles/problem-statements/',
    minutes: 15,
    rating: 4,
    insight: 'Name the user and the outcome, not the solution',
    action: 'Rewrite the brief for the onboarding epic',
  },
  {
    what: 'Running a five-whys session',
    sourceType: 'video',
    link: 'https://www.youtube.com/watch?v=JmrAkHafwHI',
    minutes: 12,
    rating: 3,
    insight: 'Stop when the answer is a process, not a person',
    action: 'Try it on the last incident review',
  },
  {
    what: 'Accessible colour contrast',
    sourceType: 'course',
    link: 'https://web.dev/learn/accessibility/color-contrast',
    minutes: 45,
    rating: 5,
    insight: '4.5:1 for body text, 3:1 for large text and UI parts',
    action: 'Audit our button palette',
  },
  {
    what: 'Pairing with Megan on usability test notes',
    sourceType: 'mentoring',
    link: null,
    minutes: 30,
    rating: 5,
    insight: 'Write what people did, then what they said',
    action: 'Use the did/said template next round',
  },
  {
    what: 'Feature flags for gradual rollout',
    sourceType: 'podcast',
    link: 'https://softwareengineeringdaily.com/',
    minutes: 40,
    rating: 4,
    insight: 'Ship dark, then turn on for 1 % first',
    action: 'Propose a flag for the new editor',
  },
  {
    what: 'Facilitating remote workshops',
    sourceType: 'book',
    link: null,
    minutes: 60,
    rating: 4,
    insight: 'Silent writing before discussion gets more ideas',
    action: 'Open Friday’s retro with 5 minutes of silent writing',
  },
  {
    what: 'Fixing a flaky end-to-end test',
    sourceType: 'on-the-job',
    link: null,
    minutes: 90,
    rating: 3,
    insight: 'Wait for the state, never for time',
    action: 'Share the pattern in the team wiki',
  },
  {
    what: 'Design tokens in Figma',
    sourceType: 'video',
    link: 'https://www.figma.com/community',
    minutes: 20,
    rating: 4,
    insight: 'Tokens are a contract between design and code',
    action: 'Map our spacing scale to tokens',
  },
  {
    what: 'Giving feedback with SBI',
    sourceType: 'article',
    link: 'https://www.ccl.org/articles/leading-effectively-articles/closing-the-gap-between-intent-vs-impact-sbii/',
    minutes: 10,
    rating: 5,
    insight: 'Situation, behaviour, impact — no judgement words',
    action: 'Use SBI in my next one-to-one',
  },
  {
    what: 'Reading analytics funnels',
    sourceType: 'course',
    link: null,
    minutes: 35,
    rating: 3,
    insight: 'Look at drop-off between steps, not totals',
    action: 'Check the sign-up funnel weekly',
  },
  {
    what: 'Shadowing a customer support shift',
    sourceType: 'on-the-job',
    link: null,
    minutes: 120,
    rating: 5,
    insight: 'Half the tickets are about one confusing label',
    action: 'Raise the label change in planning',
  },
  {
    what: 'Writing good alt text',
    sourceType: 'article',
    link: 'https://www.w3.org/WAI/tutorials/images/decision-tree/',
    minutes: 10,
    rating: 4,
    insight: 'Describe the purpose, not the pixels',
    action: null,
  },
  { what: 'Estimating with reference stories', sourceType: 'other', link: null, minutes: 25, rating: 2, insight: null, action: null },
];

/** What came of each action, when the demo says it had a result. */
const RESULTS: Readonly<Record<string, string>> = {
  'Rewrite the brief for the onboarding epic': 'The epic’s kickoff took half the time; nobody asked what we were solving',
  'Try it on the last incident review': 'Found two contributing causes we had missed',
  'Audit our button palette': 'Cut eleven button styles to four',
  'Use the did/said template next round': 'Interview notes were much easier to compare',
  'Propose a flag for the new editor': 'The flag shipped; we rolled it back once without a deploy',
  'Open Friday’s retro with 5 minutes of silent writing': 'Twice as many points raised, from quieter people too',
  'Share the pattern in the team wiki': 'Two other teams linked to it',
  'Map our spacing scale to tokens': 'Tokens merged; designers and code now use the same names',
  'Use SBI in my next one-to-one': 'The feedback landed without anyone getting defensive',
  'Check the sign-up funnel weekly': 'Spotted a drop on the email step within a week',
  'Raise the label change in planning': 'Agreed for next sprint',
};

/**
 * What the learner answered about a demo entry's action, decided by its id so the demo is the same
 * every time: half have a result a few days on, some were dropped or have "no result yet", the
 * rest still await an answer (and every action answered later than now still awaits one).
 */
export function demoActionAnswer(
  submissionId: string,
  action: string | null,
  createdAt: Date,
  now: Date,
): { answer: ActionAnswer; at: string; result: string | null } | undefined {
  if (!action) return undefined;
  const hash = createHash('sha256').update(`answer-${submissionId}`).digest();
  const at = new Date(createdAt.getTime() + (2 + (hash[1]! % 9)) * 86_400_000);
  if (at.getTime() > now.getTime() - 3_600_000) return undefined;
  const pick = hash[0]! % 8;
  if (pick < 4) return { answer: 'result', at: at.toISOString(), result: RESULTS[action] ?? 'It worked' };
  if (pick === 4) return { answer: 'dropped', at: at.toISOString(), result: null };
  if (pick === 5) return { answer: 'notYet', at: at.toISOString(), result: null };
  return undefined;
}

/** How engaged each demo person is, so the team looks like a real one: some keen, some quiet. */
const ENGAGEMENT = [0.9, 0.8, 0.65, 0.5, 0.35, 0.2];

export interface DemoEntry {
  person: DemoPerson;
  entry: LearningEntryInput;
  createdAt: Date;
  submissionId: string;
}

/** A deterministic history: the same demo every time, ending the week before `now`. */
export function demoHistory(people: readonly DemoPerson[], now: Date, weeks = 8): DemoEntry[] {
  const random = seededRandom(20261128);
  const result: DemoEntry[] = [];
  people.forEach((person, p) => {
    const engagement = ENGAGEMENT[p % ENGAGEMENT.length] ?? 0.5;
    for (let week = weeks; week >= 1; week--) {
      if (random() > engagement) continue;
      const count = random() < 0.3 ? 2 : 1;
      for (let i = 0; i < count; i++) {
        const learning = LEARNINGS[Math.floor(random() * LEARNINGS.length)] ?? LEARNINGS[0]!;
        const dayOffset = Math.floor(random() * 5);
        const createdAt = new Date(now.getTime() - week * 7 * 86_400_000 + dayOffset * 86_400_000);
        createdAt.setUTCHours(9 + Math.floor(random() * 8), Math.floor(random() * 60), 0, 0);
        result.push({
          person,
          entry: { ...learning, visibility: demoVisibility(learning) },
          createdAt,
          submissionId: `demo-${p}-${week}-${i}`,
        });
      }
    }
  });
  return result;
}

/**
 * Some of each: entries with a link are the ones the demo shares, so they are the team's; one
 * kind is kept to the learner, so the leads' view has something it must not show.
 */
function demoVisibility(learning: Omit<LearningEntryInput, 'visibility'>): EntryVisibility {
  if (learning.link) return 'team';
  return learning.action ? 'leads' : 'private';
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: tiny, fast and good enough for demo data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
