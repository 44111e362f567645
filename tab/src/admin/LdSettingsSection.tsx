import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { detailFor } from '../api/error-details.js';
import {
  LD_LIMITS,
  type Cadence,
  type KnownPerson,
  type LdAdmin,
  type LdSettings,
  type LdSettingsResponse,
  type PeopleSearchResponse,
} from '../api/ld-settings-types.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';
import type { MessageKey } from '../i18n/catalog.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The numbers as typed: text until saved, so a half-typed value is kept when the service refuses it. */
type Typed = { followUpDays?: string; flagResponseBelow?: string; defaultCadence?: Cadence };
const FIELDS = ['followUpDays', 'defaultCadence', 'flagResponseBelow'] as const;

/**
 * What L&D asks of leaders, and who the L&D admins are. Admins are picked from the people the app
 * knows in the organisation by name; admins named in configuration are shown but cannot be removed.
 */
export default function LdSettingsSection({ client }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const data = useApiData<LdSettingsResponse>(client, '/api/v1/admin/settings', t('ldSettings.loadFailed'));
  const [typed, setTyped] = useState<Typed>({});
  const [problems, setProblems] = useState<{ fields: Partial<Record<keyof LdSettings, string>>; general?: string }>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();

  const current = data.data?.settings;
  const text = (field: 'followUpDays' | 'flagResponseBelow') => typed[field] ?? (current ? String(current[field]) : '');
  const cadence = typed.defaultCadence ?? current?.defaultCadence ?? 'weekly';

  const act = async (work: () => Promise<void>, failed: MessageKey, named = true) => {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
      setProblems({ fields: {} });
    } catch (error) {
      const fields = named ? Object.fromEntries(FIELDS.map((f) => [f, detailFor(error, f)]).filter(([, m]) => m)) : {};
      const any = Object.keys(fields).length > 0;
      setProblems({ fields, ...(any ? {} : { general: failureMessage(i18n, t(failed), error) }) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    // Sent as typed (a number when it reads as one): the service names any field it refuses.
    const asNumber = (value: string) => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);
    const body = {
      followUpDays: asNumber(text('followUpDays')),
      defaultCadence: cadence,
      flagResponseBelow: asNumber(text('flagResponseBelow')),
    };
    void act(async () => {
      data.replace(await client.send<LdSettingsResponse>('PUT', '/api/v1/admin/settings', body));
      setTyped({});
      setNote(t('ldSettings.saved'));
    }, 'ldSettings.saveFailed');
  };

  const nameOf = (admin: Pick<LdAdmin, 'userId' | 'displayName'>) => admin.displayName ?? t('ldSettings.unknownName', { id: admin.userId });
  const remove = (admin: LdAdmin) =>
    void act(
      async () => {
        await client.remove(`/api/v1/admin/admins/${encodeURIComponent(admin.userId)}`);
        setNote(t('ldSettings.removed', { name: nameOf(admin) }));
        data.reload();
      },
      'ldSettings.removeFailed',
      false,
    );
  const add = (person: KnownPerson) =>
    act(
      async () => {
        data.replace(await client.send<LdSettingsResponse>('POST', '/api/v1/admin/settings/admins', { userId: person.userId }));
        setNote(t('ldSettings.added', { name: person.displayName }));
      },
      'ldSettings.addFailed',
      false,
    );

  const admins = data.data?.admins ?? [];
  return (
    <div data-testid="ld-settings-section">
      <Text as="p" className={styles.text}>
        {t('ldSettings.intro')}
      </Text>
      {data.error && <Problem message={data.error} onRetry={data.reload} />}
      {data.loading && !current && <Spinner size="small" label={t('ldSettings.sectionLoading')} />}
      {current && (
        <form className={styles.form} onSubmit={save} aria-label={t('ldSettings.form')} data-testid="ld-settings-form" noValidate>
          <Field
            label={t('ldSettings.followUpDays')}
            hint={t('ldSettings.followUpDaysHint', LD_LIMITS.followUpDays)}
            validationMessage={problems.fields.followUpDays}
            required
          >
            <Input
              value={text('followUpDays')}
              onChange={(_e, d) => setTyped((v) => ({ ...v, followUpDays: d.value }))}
              type="number"
              min={LD_LIMITS.followUpDays.min}
              max={LD_LIMITS.followUpDays.max}
            />
          </Field>
          <Field label={t('ldSettings.defaultCadence')} validationMessage={problems.fields.defaultCadence}>
            <Select value={cadence} onChange={(_e, d) => setTyped((v) => ({ ...v, defaultCadence: d.value as Cadence }))}>
              <option value="weekly">{t('ldSettings.everyWeek')}</option>
              <option value="biweekly">{t('ldSettings.everyTwoWeeks')}</option>
            </Select>
          </Field>
          <Field
            label={t('ldSettings.flagResponseBelow')}
            hint={t('ldSettings.flagResponseBelowHint', LD_LIMITS.flagResponseBelow)}
            validationMessage={problems.fields.flagResponseBelow}
            required
          >
            <Input
              value={text('flagResponseBelow')}
              onChange={(_e, d) => setTyped((v) => ({ ...v, flagResponseBelow: d.value }))}
              type="number"
              min={LD_LIMITS.flagResponseBelow.min}
              max={LD_LIMITS.flagResponseBelow.max}
            />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('ldSettings.save')}
            </Button>
          </div>
        </form>
      )}
      {problems.general && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problems.general}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {data.data && (
        <section aria-label={t('ldSettings.admins')} data-testid="ld-admins">
          <Text as="h3" weight="semibold" className={styles.text}>
            {t('ldSettings.admins')}
          </Text>
          <Text as="p" className={styles.muted}>
            {t('ldSettings.adminsIntro')}
          </Text>
          <ul className={styles.list}>
            {admins.map((admin) => (
              <li key={admin.userId} className={styles.item} data-testid="ld-admin">
                <span>{nameOf(admin)}</span>
                {admin.configured ? (
                  <Text className={styles.muted}>{t('ldSettings.configured')}</Text>
                ) : (
                  admins.length > 1 && (
                    <Button size="small" onClick={() => remove(admin)} disabled={busy}>
                      {t('ldSettings.remove', { name: nameOf(admin) })}
                    </Button>
                  )
                )}
              </li>
            ))}
          </ul>
          {admins.length === 1 && (
            <Text as="p" className={styles.muted}>
              {t('ldSettings.lastAdmin')}
            </Text>
          )}
          <PeoplePicker client={client} exclude={admins.map((a) => a.userId)} busy={busy} onPick={add} />
        </section>
      )}
    </div>
  );
}

/** Finds people the app knows by the first letters of their name; the latest answer is the one shown. */
function PeoplePicker({
  client,
  exclude,
  busy,
  onPick,
}: {
  client: ApiClient;
  exclude: readonly string[];
  busy: boolean;
  onPick: (person: KnownPerson) => Promise<void>;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [name, setName] = useState('');
  const [found, setFound] = useState<KnownPerson[] | undefined>();
  const [error, setError] = useState<string>();
  const latest = useRef(0);

  const search = async (typed: string) => {
    setName(typed);
    const request = ++latest.current;
    if (typed.trim() === '') {
      setFound(undefined);
      setError(undefined);
      return;
    }
    try {
      const answer = await client.get<PeopleSearchResponse>(`/api/v1/admin/people?name=${encodeURIComponent(typed.trim())}`);
      if (request !== latest.current) return;
      setFound(answer.people);
      setError(undefined);
    } catch (failure) {
      if (request !== latest.current) return;
      setFound(undefined);
      setError(failureMessage(i18n, t('ldSettings.searchFailed'), failure));
    }
  };

  const shown = found?.filter((p) => !exclude.includes(p.userId));
  return (
    <div className={styles.form} data-testid="people-picker">
      <Field label={t('ldSettings.findPerson')} hint={t('ldSettings.findPersonHint')}>
        <Input value={name} onChange={(_e, d) => void search(d.value)} type="search" autoComplete="off" />
      </Field>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite">
        {shown && shown.length === 0 && (
          <Text as="p" className={styles.muted}>
            {t('ldSettings.noMatch')}
          </Text>
        )}
      </div>
      {shown && shown.length > 0 && (
        <ul className={styles.list} aria-label={t('ldSettings.findPerson')}>
          {shown.map((person) => (
            <li key={person.userId} className={styles.item}>
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void onPick(person).then(() => {
                    setName('');
                    setFound(undefined);
                  })
                }
              >
                {t('ldSettings.add', { name: person.displayName })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
