import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { TeamChannelsResponse } from '../../../bot/contract/api.js';
import { COMMON_TIME_ZONES, scheduleSubmissionSchema } from '../../../bot/contract/team-settings.js';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { DashboardResponse, TeamSettings } from '../api/dashboard-types.js';
import { formatLocalTime, timeZoneLabel, weekdayName } from './dashboard-format.js';
import {
  channelChoices,
  errorsFromFailure,
  errorsFromIssues,
  initialValues,
  REMINDER_HOURS,
  ROUNDUP_TIME,
  sharesChannelFor,
  submissionOf,
  zoneChoices,
  type FieldErrors,
  type ScheduleField,
  type ScheduleValues,
} from './schedule-form.js';
import { describeSchedule } from './ScheduleSummary.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  row: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; message: string } | { kind: 'problem'; message: string };

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  settings: DashboardResponse['settings'];
  channelId: string | undefined;
  onSaved(settings: TeamSettings): void;
}

/** The setup card's form, for leads: the same fields and the same rules, checked here first and again by the service. */
export default function ScheduleForm({ client, teamId, locale, settings, channelId, onSaved }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [values, setValues] = useState<ScheduleValues>(() =>
    initialValues(settings.schedule, browserZone(), settings.roundup, settings.defaultCadence),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [errorRound, setErrorRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // The team's channels as Teams last told the service of them; until they come (or if they cannot), the saved or the tab's own.
  const [channels, setChannels] = useState<TeamChannelsResponse['channels'] | undefined>(undefined);
  const [chosenChannel, setChosenChannel] = useState(() => sharesChannelFor(settings.sharesChannelId, channelId));
  const sharesChannelId = chosenChannel || undefined;
  const zones = useMemo(() => zoneChoices(COMMON_TIME_ZONES, values.timeZone), [values.timeZone]);

  useEffect(() => {
    const controller = new AbortController();
    client.get<TeamChannelsResponse>(`/api/v1/teams/${encodeURIComponent(teamId)}/channels`, { signal: controller.signal }).then(
      (answer) => setChannels(answer.channels),
      // Without the list, the form keeps the saved channel (or the tab's), as it did before the service kept channels.
      () => undefined,
    );
    return () => controller.abort();
  }, [client, teamId]);

  // After a rejected save, take the keyboard to the first field to fix.
  useEffect(() => {
    if (errorRound > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorRound]);

  const set = (field: keyof ScheduleValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };
  const fail = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    setStatus({ kind: 'problem', message });
    setErrorRound((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'saving') return;
    if (!sharesChannelId && !channels) return setStatus({ kind: 'problem', message: t('schedule.noChannel') });
    const body = submissionOf(values, sharesChannelId ?? '');
    const checked = scheduleSubmissionSchema.safeParse(body);
    if (!checked.success) return fail(errorsFromIssues(checked.error.issues), t('schedule.checkFields'));
    setErrors({});
    setStatus({ kind: 'saving' });
    try {
      const path = `/api/v1/teams/${encodeURIComponent(teamId)}/settings`;
      const { settings: saved } = await client.send<{ settings: TeamSettings }>('PUT', path, body);
      onSaved(saved);
      const summary = saved.schedule ? ` ${describeSchedule(saved.schedule, locale, i18n)}` : '';
      setStatus({ kind: 'saved', message: `${t('schedule.saved')}${summary}` });
    } catch (error) {
      const fieldErrors = errorsFromFailure(error);
      if (!fieldErrors) return setStatus({ kind: 'problem', message: failureMessage(i18n, t('schedule.saveFailed'), error) });
      // Without the channel field on the form, its problem is said in the message.
      const other = fieldErrors.sharesChannelId && !channels ? ` ${fieldErrors.sharesChannelId}.` : '';
      fail(fieldErrors, `${t('schedule.notAccepted')}${other}`);
    }
  };

  // A team never set up starts from L&D's cadence for new teams: while it is chosen, the lead is told where it came from.
  const fromOrganisation = !settings.schedule && settings.defaultCadence !== undefined && values.cadence === settings.defaultCadence;
  const field = (name: ScheduleField) => (errors[name] ? { validationState: 'error' as const, validationMessage: errors[name] } : {});

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={t('schedule.formLabel')}
      data-testid="schedule-form"
    >
      {!sharesChannelId && !channels && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('schedule.noChannel')}</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={t('schedule.howOften')}
        hint={fromOrganisation ? t('schedule.organisationCadenceHint') : undefined}
        required
        {...field('cadence')}
      >
        <RadioGroup layout="horizontal" value={values.cadence} onChange={(_e, d) => set('cadence')(d.value)}>
          <Radio value="weekly" label={t('schedule.everyWeek')} />
          <Radio value="biweekly" label={t('schedule.everyTwoWeeks')} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t('schedule.day')} required {...field('weekday')}>
          <Select value={values.weekday} onChange={(_e, d) => set('weekday')(d.value)}>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <option key={day} value={String(day)}>
                {weekdayName(day, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('schedule.time')} hint={t('schedule.timeHint')} required {...field('localTime')}>
          <Input type="time" value={values.localTime} onChange={(_e, d) => set('localTime')(d.value)} />
        </Field>
      </div>
      <Field label={t('schedule.zone')} hint={t('schedule.zoneHint')} required {...field('timeZone')}>
        <Select value={values.timeZone} onChange={(_e, d) => set('timeZone')(d.value)}>
          <optgroup label={t('schedule.commonZones')}>
            {zones.common.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone)}
              </option>
            ))}
          </optgroup>
          {zones.other.length > 0 && (
            <optgroup label={t('schedule.allZones')}>
              {zones.other.map((zone) => (
                <option key={zone} value={zone}>
                  {timeZoneLabel(zone)}
                </option>
              ))}
            </optgroup>
          )}
        </Select>
      </Field>
      {channels && (
        <Field label={t('schedule.channel')} required {...field('sharesChannelId')}>
          <Select
            value={chosenChannel ?? ''}
            onChange={(_e, d) => {
              setChosenChannel(d.value);
              if (status.kind === 'saved') setStatus({ kind: 'idle' });
            }}
          >
            {!chosenChannel && <option value="">{t('schedule.chooseChannel')}</option>}
            {channelChoices(channels, chosenChannel).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name ?? t('schedule.channelSaved')}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t('schedule.reminder')} hint={t('schedule.reminderHint', REMINDER_HOURS)} required {...field('reminderAfterHours')}>
        <Input
          type="number"
          min={REMINDER_HOURS.min}
          max={REMINDER_HOURS.max}
          step={1}
          value={values.reminderAfterHours}
          onChange={(_e, d) => set('reminderAfterHours')(d.value)}
        />
      </Field>
      <Field
        label={t('schedule.roundup')}
        hint={t('schedule.roundupHint', { time: formatLocalTime(ROUNDUP_TIME, locale) })}
        {...field('roundupEnabled')}
      >
        <Switch
          checked={values.roundupEnabled === 'true'}
          label={values.roundupEnabled === 'true' ? t('schedule.roundupOn') : t('schedule.roundupOff')}
          onChange={(_e, d) => set('roundupEnabled')(String(d.checked))}
          data-testid="roundup-enabled"
        />
      </Field>
      {values.roundupEnabled === 'true' && (
        <Field label={t('schedule.roundupDay')} {...field('roundupWeekday')}>
          <Select value={values.roundupWeekday} onChange={(_e, d) => set('roundupWeekday')(d.value)} data-testid="roundup-day">
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <option key={day} value={String(day)}>
                {weekdayName(day, locale)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {status.kind === 'problem' && (
        <MessageBar intent="error" layout="multiline" data-testid="schedule-problem">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'saved' && (
        <MessageBar intent="success" layout="multiline" data-testid="schedule-saved">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('entryForm.saving') : t('schedule.save')}
        </Button>
      </div>
    </form>
  );
}

function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
