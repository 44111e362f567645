import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { ChannelChoice } from '../cards/team-setup-cards.js';
import type { RosterPerson } from '../services/team-service.js';

/** The team an activity came from, if it came from a team's channel. */
export function teamOf(context: TurnContext): { id: string; name: string } | undefined {
  const team = (context.activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
  if (typeof team?.id !== 'string') return undefined;
  return { id: team.id, name: typeof team.name === 'string' && team.name ? team.name : 'your team' };
}

/** A roster account as a person; Teams says "owner" in `userRole` for the team's owners, and a member event may say nothing. */
export function rosterPerson(account: TeamsChannelAccount): RosterPerson | undefined {
  const userId = account.aadObjectId ?? account.id;
  if (!userId || !account.id) return undefined;
  const role = (account as Partial<TeamsChannelAccount>).userRole;
  return { userId, teamsUserId: account.id, displayName: account.name ?? 'Someone', owner: role ? role === 'owner' : undefined };
}

/** Whether Teams says this person owns the team the activity came from; false when it cannot say. */
export async function ownsTeam(context: TurnContext, teamsUserId: string): Promise<boolean> {
  try {
    return (await TeamsInfo.getMember(context, teamsUserId)).userRole === 'owner';
  } catch {
    return false;
  }
}

/** Reads the whole roster, a page at a time as Teams requires for large teams. */
export async function readRoster(context: TurnContext, pageSize = 500): Promise<RosterPerson[]> {
  const people: RosterPerson[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await TeamsInfo.getPagedMembers(context, pageSize, continuationToken);
    for (const member of result.members) {
      const person = rosterPerson(member);
      if (person) people.push(person);
    }
    continuationToken = result.continuationToken;
    if (!continuationToken) break;
  }
  return people;
}

export async function readChannels(context: TurnContext, teamId: string): Promise<ChannelChoice[]> {
  const channels = await TeamsInfo.getTeamChannels(context, teamId);
  // Teams leaves the General channel's name empty.
  return channels.filter((c) => c.id).map((c) => ({ id: c.id as string, name: c.name || 'General' }));
}
