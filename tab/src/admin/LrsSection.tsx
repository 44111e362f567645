import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiFailure, describeFailure, type ApiClient } from '../api/api-client.js';
import { detailFor } from '../api/error-details.js';
import type { LrsBackfillResponse, LrsSettingsResponse, LrsStatusResponse } from '../api/lrs-types.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';

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
  const settings = useApiData<LrsSettingsResponse>(client, '/api/v1/admin/lrs', 'load the Learning Record Store settings');
  const status = useApiData<LrsStatusResponse>(client, '/api/v1/admin/lrs/status', 'load what was sent');
  const [typed, setTyped] = useState<Partial<Fields>>({});
  const [problems, setProblems] = useState<{ fields: Partial<Fields>; general?: string }>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();

  const current = settings.data?.settings;
  const value = (field: 'endpoint' | 'key') => typed[field] ?? current?.[field] ?? '';

  const act = async (work: () => Promise<void>, what: string) => {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
      setProblems({ fields: {} });
    } catch (error) {
      const details = error instanceof ApiFailure ? error.details : undefined;
      const fields = { endpoint: detailFor(details, 'endpoint'), key: detailFor(details, 'key'), secret: detailFor(details, 'secret') };
      const named = Object.values(fields).some(Boolean);
      setProblems({ fields: fields as Partial<Fields>, ...(named ? {} : { general: describeFailure(what, error) }) });
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
      setNote('Saved. New learning records go to this LRS from now on.');
      status.reload();
    }, 'save the settings');
  };
  const remove = () =>
    void act(async () => {
      await client.remove('/api/v1/admin/lrs');
      setTyped({});
      setNote('Removed. Nothing more is sent; records wait until an LRS is set again.');
      settings.reload();
      status.reload();
    }, 'remove the settings');
  const backfill = () =>
    void act(async () => {
      const answer = await client.send<LrsBackfillResponse>('POST', '/api/v1/admin/lrs/backfill', {});
      setNote(answer.started ? 'The history is on its way.' : 'The history was already sent once; new records keep going as they happen.');
      status.reload();
    }, 'send the history');

  const number = (n: number) => n.toLocaleString(locale);
  const s = status.data;
  return (
    <div data-testid="lrs-section">
      <Text as="p" className={styles.text}>
        Send every learning entry, rating, share, completed goal and answered follow-up to your organisation’s Learning Record Store as an
        xAPI statement. People are identified by their Microsoft Entra account only; entries a learner kept private go without their words
        or link.
      </Text>
      {settings.error && <Problem message={settings.error} onRetry={settings.reload} />}
      {settings.loading && !current && <Spinner size="small" label="Loading the settings…" />}
      {current && (
        <form className={styles.form} onSubmit={save} aria-label="Learning Record Store settings">
          <Field label="Endpoint" hint="The LRS’s xAPI address, e.g. https://lrs.example.com/xapi" validationMessage={problems.fields.endpoint} required>
            <Input value={value('endpoint')} onChange={(_e, d) => setTyped((t) => ({ ...t, endpoint: d.value }))} type="url" />
          </Field>
          <Field label="Key" validationMessage={problems.fields.key} required>
            <Input value={value('key')} onChange={(_e, d) => setTyped((t) => ({ ...t, key: d.value }))} autoComplete="off" />
          </Field>
          <Field
            label="Secret"
            hint={current.secretSet ? 'A secret is set. Leave this blank to keep it.' : 'Kept on the server and never shown again.'}
            validationMessage={problems.fields.secret}
            required={!current.secretSet}
          >
            <Input value={typed.secret ?? ''} onChange={(_e, d) => setTyped((t) => ({ ...t, secret: d.value }))} type="password" autoComplete="new-password" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy}>
              Save
            </Button>
            {current.configured && (
              <Button onClick={remove} disabled={busy}>
                Stop sending
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
        <section aria-label="What was sent" data-testid="lrs-status">
          <ul className={styles.counts}>
            <li>Sent: {number(s.sent)}</li>
            <li>Waiting: {number(s.pending)}</li>
            <li>Failed: {number(s.failed)}</li>
          </ul>
          {s.latestFailure && (
            <Text as="p" className={styles.text}>
              Last failure ({new Date(s.latestFailure.at).toLocaleString(locale)}, a “{s.latestFailure.verb}” statement): {s.latestFailure.error}. Saving the settings
              again retries every failed statement.
            </Text>
          )}
          <Text as="p" className={styles.text}>
            {s.backfill
              ? s.backfill.status === 'done'
                ? `History sent once: ${number(s.backfill.written)} statements.`
                : `Sending the history: ${number(s.backfill.written)} statements so far.`
              : 'Records from before the LRS was set up have not been sent.'}
          </Text>
          <div className={styles.actions}>
            {s.configured && !s.backfill && (
              <Button onClick={backfill} disabled={busy}>
                Send the history
              </Button>
            )}
            <Button onClick={status.reload} disabled={status.loading}>
              Refresh
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
