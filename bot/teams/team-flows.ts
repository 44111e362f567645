import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/card-types.js';
import { errorCard } from '../cards/error-card.js';
import { scheduleValues, teamSetupCard, teamSetupSavedCard, welcomeCard } from '../cards/team-setup-cards.js';
import type { ScheduleErrors, ScheduleFields } from '../domain/team-settings.js';
import { roundupSettingOf } from '../contract/weekly-roundup.js';
import { REMINDER_AFTER_HOURS } from '../contract/check-in-schedule.js';
import { formatTimeOfDay } from '../i18n/format.js';
import type { RosterPerson, TeamService } from '../services/team-service.js';
import { NotAllowedError } from '../domain/errors.js';
import { senderOf, tenantOf } from './activity-people.js';
import { cardResponse } from './card-replies.js';
import { ownsTeam, readChannels, readRoster, rosterPerson, teamOf } from './team-context.js';
import { botTranslator, type BotTranslator } from '../i18n/bot-messages.js';

export const SCHEDULE_FIELDS: ScheduleFields[] = [
  'cadence',
  'weekday',
  'localTime',
  'timeZone',
  'reminderAfterHours',
  'sharesChannelId',
  'roundupEnabled',
  'roundupWeekday',
];

/** The setup card's answers as typed, field by field. */
export type ScheduleValues = Partial<Record<ScheduleFields, string>>;

/** What happens in a team's channels: installation, roster changes and the setup card. */
export class TeamFlows {
  constructor(
    private readonly deps: {
      teams: TeamService;
      logger: Logger;
      sendCard: (context: TurnContext, card: AdaptiveCard) => Promise<void>;
      /**
       * Local mode only (never production): the Microsoft 365 Agents Playground reports every
       * member's role as "user" and cannot make anyone an owner, so there the installer stands in
       * for the team's owner, unless the roster names a real one.
       */
      installerStandsInForOwner?: boolean;
      /** The cadence L&D set for new teams: a team's setup card starts from it until a lead has chosen. */
      defaultCadence?: (tenantId: string) => Promise<'weekly' | 'biweekly'>;
    },
  ) {}

  async installed(context: TurnContext): Promise<void> {
    const team = teamOf(context);
    const installer = senderOf(context.activity);
    if (!team || !installer) return;
    let roster: RosterPerson[] | undefined;
    try {
      roster = await readRoster(context);
    } catch (error) {
      // The roster fills in as members are added or on the next sync; the installer's role is asked of Teams alone.
      this.deps.logger.warn({ err: error, teamId: team.id }, 'could not read the team roster');
    }
    const teamsUserId = installer.teamsUserId ?? installer.userId;
    const listed = roster?.find((p) => p.userId === installer.userId);
    const owner =
      (listed?.owner ?? (await ownsTeam(context, teamsUserId))) ||
      (this.deps.installerStandsInForOwner === true && !roster?.some((p) => p.owner));
    const result = await this.deps.teams.installed({
      tenantId: installer.tenantId,
      teamId: team.id,
      name: team.name,
      installer: { userId: installer.userId, teamsUserId, displayName: installer.displayName, owner },
      roster,
      ...(installer.locale ? { locale: installer.locale } : {}),
    });
    if (result.firstInstall) {
      await this.deps.sendCard(
        context,
        welcomeCard(
          { teamName: team.name, installerName: installer.displayName, needsOwner: !result.installerLeads },
          botTranslator(installer.locale),
        ),
      );
    }
    await this.keepChannels(context, installer.tenantId, team.id);
  }

  /** Teams told of a channel created, renamed, restored or deleted: the team's stored channels follow. */
  async channelChanged(context: TurnContext, channel: { id?: string; name?: string }, gone: boolean): Promise<void> {
    const team = teamOf(context);
    const tenantId = tenantOf(context.activity);
    if (!team || !tenantId || !channel.id) return;
    await this.deps.teams.channelChanged(tenantId, team.id, { channel: { id: channel.id, name: channel.name || 'General' }, gone });
  }

  /** Reads the team's channels from Teams and keeps them, so every path can check a shares channel against them. */
  private async keepChannels(context: TurnContext, tenantId: string, teamId: string): Promise<void> {
    try {
      await this.deps.teams.channelsListed(tenantId, teamId, await readChannels(context, teamId));
    } catch (error) {
      // The setup card reads them again; until then the General channel is always a choice.
      this.deps.logger.warn({ err: error, teamId }, 'could not read the team’s channels');
    }
  }

  async membersChanged(context: TurnContext): Promise<void> {
    const team = teamOf(context);
    const sender = senderOf(context.activity);
    if (!team || !sender) return;
    const botId = context.activity.recipient?.id;
    for (const account of context.activity.membersAdded ?? []) {
      const person = account.id === botId ? undefined : rosterPerson(account);
      if (person) await this.deps.teams.join(sender.tenantId, team.id, person, 'member');
    }
    for (const account of context.activity.membersRemoved ?? []) {
      const person = account.id === botId ? undefined : rosterPerson(account);
      if (person) await this.deps.teams.leave(sender.tenantId, team.id, person.userId);
    }
  }

  async openSetup(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const t = botTranslator(context.activity.locale);
    const found = this.where(context, t);
    if ('error' in found) return found.error;
    try {
      const { settings, role } = await this.deps.teams.settingsFor(found.caller, found.team.id);
      if (role !== 'lead') {
        // A team without a lead takes its first from the owners who open its setup.
        const { caller } = found;
        const claim = await this.deps.teams.claimFirstLead(caller, found.team.id, () =>
          ownsTeam(context, caller.teamsUserId ?? caller.userId),
        );
        if (claim !== 'leads')
          return cardResponse(errorCard(t.t(claim === 'not-owner' ? 'team.setup.ownersFirst' : 'team.setup.leadsOnly'), t));
      }
      const channels = await readChannels(context, found.team.id);
      await this.deps.teams.channelsListed(found.caller.tenantId, found.team.id, channels);
      const values = scheduleValues(settings.schedule, settings.sharesChannelId, roundupSettingOf(settings));
      if (!settings.schedule && this.deps.defaultCadence) values.cadence = await this.deps.defaultCadence(found.caller.tenantId);
      return cardResponse(teamSetupCard({ channels, values }, t));
    } catch (error) {
      if (error instanceof NotAllowedError) return refusal(error, t);
      throw error;
    }
  }

  /** The setup card's answers, as typed: each field as text. */
  async submitSetup(context: TurnContext, values: ScheduleValues): Promise<AdaptiveCardInvokeResponse> {
    const t = botTranslator(context.activity.locale);
    const found = this.where(context, t);
    if ('error' in found) return found.error;
    try {
      const { role } = await this.deps.teams.settingsFor(found.caller, found.team.id);
      if (role !== 'lead') return cardResponse(errorCard(t.t('team.setup.leadsOnly'), t));
      const channels = await readChannels(context, found.team.id).catch(() => []);
      // What Teams says now is kept; when it cannot be read, the channels kept before are checked against.
      if (channels.length > 0) await this.deps.teams.channelsListed(found.caller.tenantId, found.team.id, channels);
      const result = await this.deps.teams.updateSchedule(found.caller, found.team.id, values);
      if (!result.ok) return cardResponse(teamSetupCard({ channels, values, errors: inLanguage(result.errors, t) }, t));
      const channelName = channels.find((c) => c.id === result.settings.sharesChannelId)?.name ?? t.t('team.saved.chosenChannel');
      return cardResponse(
        teamSetupSavedCard(
          {
            schedule: result.settings.schedule!,
            sharesChannelName: channelName,
            leadName: found.caller.displayName,
            roundup: roundupSettingOf(result.settings),
          },
          t,
        ),
      );
    } catch (error) {
      if (error instanceof NotAllowedError) return refusal(error, t);
      this.deps.logger.error({ err: error }, 'saving the team schedule failed');
      const channels = await readChannels(context, found.team.id).catch(() => []);
      return cardResponse(teamSetupCard({ channels, values, notice: t.t('team.setup.saveFailed') }, t));
    }
  }

  private where(
    context: TurnContext,
    t: BotTranslator,
  ): { error: AdaptiveCardInvokeResponse } | { team: { id: string; name: string }; caller: NonNullable<ReturnType<typeof senderOf>> } {
    const team = teamOf(context);
    const caller = senderOf(context.activity);
    if (!team || !caller) return { error: cardResponse(errorCard(t.t('team.setup.fromChannel'), t)) };
    return { team, caller };
  }
}

/** Why a caller may not set the team up, in their language. */
function refusal(error: NotAllowedError, t: BotTranslator): AdaptiveCardInvokeResponse {
  return cardResponse(errorCard(t.t(error.reason === 'not_member' ? 'team.setup.notMember' : 'team.setup.leadsOnly'), t));
}

/**
 * The schedule's problems as the lead reads them. The card's own inputs leave one problem per
 * field possible, so each field has its message; the API keeps the service's English.
 */
function inLanguage(errors: ScheduleErrors, t: BotTranslator): ScheduleErrors {
  const said: ScheduleErrors = {};
  for (const field of SCHEDULE_FIELDS) if (errors[field]) said[field] = scheduleProblem(field, t);
  return said;
}

/** One field's problem; the limits and the example are numbers and a time, formatted for the reader. */
function scheduleProblem(field: ScheduleFields, t: BotTranslator): string {
  if (field === 'reminderAfterHours')
    return t.plural('team.error.reminderAfterHours', REMINDER_AFTER_HOURS.max, { min: REMINDER_AFTER_HOURS.min });
  if (field === 'localTime') return t.t('team.error.localTime', { example: formatTimeOfDay(t.formatting, '16:00') });
  return t.t(`team.error.${field}`);
}
