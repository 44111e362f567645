import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { detailFor } from '../api/error-details.js';
import type { LrsBackfillResponse, LrsSettingsResponse, LrsStatusResponse } from '../api/lrs-types.js';
import { useApiData } from '../api/use-api-data.js';
import { formatCount } from '../dashboard/dashboard-format.js';
import { Problem } from '../components/Problem.js';
import { formatDate } from '../format.js';
import type { MessageKey } from '../i18n/catalog.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, margin: 0, padding: 0, listStyle: 'none' },
  text: { margin: 0 },
});

type Fields = { endpoint: string; key: string; secret: string };

/**
 * Where the organisation's xAPI statements go, and how they are doing. The secret is write-only:
 * the service says whether one is set, and a blank secret field keeps it.
 */
export default function LrsSection({ client, locale }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t, plural } = i18n;
  const settings = useApiData<LrsSettingsResponse>(client, '/api/v1/admin/lrs', t('lrs.settingsFailed'));
  const status = useApiData<LrsStatusResponse>(client, '/api/v1/admin/lrs/status', t('lrs.statusFailed'));
  const [typed, setTyped] = useState<Partial<Fields>>({});
  const [problems, setProblems] = useState<{ fields: Partial<Fields>; general?: string }>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();

  const current = settings.data?.settings;
  const value = (field: 'endpoint' | 'key') => typed[field] ?? current?.[field] ?? '';

  const act = async (work: () => Promise<void>, failed: MessageKey) => {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
      setProblems({ fields: {} });
    } catch (error) {
      const fields = { endpoint: detailFor(error, 'endpoint'), key: detailFor(error, 'key'), secret: detailFor(error, 'secret') };
      const named = Object.values(fields).some(Boolean);
      setProblems({ fields: fields as Partial<Fields>, ...(named ? {} : { general: failureMessage(i18n, t(failed), error) }) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = { endpoint: value('endpoint'), key: value('key'), ...(typed.secret ? { secret: typed.secret } : {}) };
    void act(async () => {
      settings.replace(await client.send<LrsSettingsResponse>('PUT', '/api/v1/admin/lrs', body));
      setTyped({});
      setNote(t('lrs.saved'));
      status.reload();
    }, 'lrs.saveFailed');
  };
  const remove = () =>
    void act(async () => {
      await client.remove('/api/v1/admin/lrs');
      setTyped({});
      setNote(t('lrs.removed'));
      settings.reload();
      status.reload();
    }, 'lrs.removeFailed');
  const backfill = () =>
    void act(async () => {
      const answer = await client.send<LrsBackfillResponse>('POST', '/api/v1/admin/lrs/backfill', {});
      setNote(t(answer.started ? 'lrs.historyStarted' : 'lrs.historyAlreadySent'));
      status.reload();
    }, 'lrs.historyFailed');

  const number = (n: number) => formatCount(n, locale);
  const s = status.data;
  return (
    <div data-testid="lrs-section">
      <Text as="p" className={styles.text}>
        {t('lrs.intro')}
      </Text>
      {settings.error && <Problem message={settings.error} onRetry={settings.reload} />}
      {settings.loading && !current && <Spinner size="small" label={t('lrs.loading')} />}
      {current && (
        <form className={styles.form} onSubmit={save} aria-label={t('lrs.form')}>
          <Field label={t('lrs.endpoint')} hint={t('lrs.endpointHint')} validationMessage={problems.fields.endpoint} required>
            <Input value={value('endpoint')} onChange={(_e, d) => setTyped((t) => ({ ...t, endpoint: d.value }))} type="url" />
          </Field>
          <Field label={t('lrs.key')} validationMessage={problems.fields.key} required>
            <Input value={value('key')} onChange={(_e, d) => setTyped((t) => ({ ...t, key: d.value }))} autoComplete="off" />
          </Field>
          <Field
            label={t('lrs.secret')}
            hint={t(current.secretSet ? 'lrs.secretKept' : 'lrs.secretNew')}
            validationMessage={problems.fields.secret}
            required={!current.secretSet}
          >
            <Input
              value={typed.secret ?? ''}
              onChange={(_e, d) => setTyped((t) => ({ ...t, secret: d.value }))}
              type="password"
              autoComplete="new-password"
            />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('lrs.save')}
            </Button>
            {current.configured && (
              <Button onClick={remove} disabled={busy}>
                {t('lrs.stop')}
              </Button>
            )}
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
      {status.error && <Problem message={status.error} onRetry={status.reload} />}
      {s && (
        <section aria-label={t('lrs.whatWasSent')} data-testid="lrs-status">
          <ul className={styles.counts}>
            <li>{t('lrs.sent', { count: number(s.sent) })}</li>
            <li>{t('lrs.waiting', { count: number(s.pending) })}</li>
            <li>{t('lrs.failed', { count: number(s.failed) })}</li>
          </ul>
          {s.latestFailure && (
            <Text as="p" className={styles.text}>
              {/* The verb and the error are xAPI's and the LRS's own words, shown as sent. */}
              {t('lrs.lastFailure', {
                date: formatDate(s.latestFailure.at, locale),
                verb: s.latestFailure.verb,
                error: s.latestFailure.error,
              })}
            </Text>
          )}
          <Text as="p" className={styles.text}>
            {s.backfill
              ? plural(s.backfill.status === 'done' ? 'lrs.historyDone' : 'lrs.historySending', s.backfill.written)
              : t('lrs.historyNotSent')}
          </Text>
          <div className={styles.actions}>
            {s.configured && !s.backfill && (
              <Button onClick={backfill} disabled={busy}>
                {t('lrs.sendHistory')}
              </Button>
            )}
            <Button onClick={status.reload} disabled={status.loading}>
              {t('lrs.refresh')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
