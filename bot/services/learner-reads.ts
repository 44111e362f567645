import type { TeamSettings } from '../contract/team-settings.js';
import type { TeamMember, TeamStore } from '../store/team-store.js';
import type { UserProfile, UserStore } from '../store/user-store.js';
import type { SharePromptState } from '../domain/share-prompt.js';
import type { Learner } from './learner.js';

/**
 * What one piece of work (a check-in submission) reads of the learner's teams and profile, each
 * read at most once and passed down explicitly to every service the work touches: the rollups,
 * the LRS statements and the goals all ask for the learner's teams, their settings and the
 * learner's zone, and none of those changes under a submission. It lives as long as the work
 * that made it; it is not a cache.
 */
export interface LearnerReads {
  readonly learner: Learner;
  teamIds(): Promise<string[]>;
  settings(teamId: string): Promise<TeamSettings | undefined>;
  member(teamId: string): Promise<TeamMember | undefined>;
  profile(): Promise<UserProfile | undefined>;
  /** The learner's answers to earlier offers to share, from the same read of their row as the profile. */
  sharePrompt(): Promise<SharePromptState>;
}

export function learnerReads(
  stores: { teams: Pick<TeamStore, 'teamsOf' | 'getSettings' | 'getMember'>; users: Pick<UserStore, 'getWithSharePrompt'> },
  learner: Learner,
): LearnerReads {
  const { tenantId, userId } = learner;
  let teamIds: Promise<string[]> | undefined;
  let row: ReturnType<UserStore['getWithSharePrompt']> | undefined;
  const readRow = () => (row ??= stores.users.getWithSharePrompt(tenantId, userId));
  const settings = new Map<string, Promise<TeamSettings | undefined>>();
  const members = new Map<string, Promise<TeamMember | undefined>>();
  const once = <T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    let found = map.get(key);
    if (!found) map.set(key, (found = read()));
    return found;
  };
  return {
    learner,
    teamIds: () => (teamIds ??= stores.teams.teamsOf(tenantId, userId)),
    settings: (teamId) => once(settings, teamId, () => stores.teams.getSettings(tenantId, teamId)),
    member: (teamId) => once(members, teamId, () => stores.teams.getMember(tenantId, teamId, userId)),
    profile: () => readRow().then((r) => r.profile),
    sharePrompt: () => readRow().then((r) => r.sharePrompt),
  };
}

/** The reads passed down when they are for this learner; fresh ones otherwise. */
export function readsOf(stores: Parameters<typeof learnerReads>[0], learner: Learner, reads: LearnerReads | undefined): LearnerReads {
  return reads && reads.learner.tenantId === learner.tenantId && reads.learner.userId === learner.userId
    ? reads
    : learnerReads(stores, learner);
}
