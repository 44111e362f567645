import { Button, Field, Input, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import {
  AUDIT_KINDS,
  AUDIT_PERSON_MAX,
  auditCsvFilename,
  type AuditEventView,
  type AuditKind,
  type AuditPageResponse,
} from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import { TableScroller } from '../components/DataTable.js';
import { Problem } from '../components/Problem.js';
import { useFileDownload } from '../components/use-file-download.js';
import { formatCount } from '../dashboard/dashboard-format.js';
import { formatDate } from '../format.js';
import type { MessageKey } from '../i18n/catalog.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  person: { minWidth: '240px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '320px',
    '& caption': { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBlockEnd: tokens.spacingVerticalS },
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& th[scope="row"]': { fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  },
});

const KIND_LABELS: Record<AuditKind, MessageKey> = {
  lead_granted: 'audit.kind.lead_granted',
  lead_removed: 'audit.kind.lead_removed',
  admin_granted: 'audit.kind.admin_granted',
  admin_removed: 'audit.kind.admin_removed',
  team_settings_changed: 'audit.kind.team_settings_changed',
  lrs_settings_changed: 'audit.kind.lrs_settings_changed',
  export_downloaded: 'audit.kind.export_downloaded',
  member_entries_viewed: 'audit.kind.member_entries_viewed',
  data_erased: 'audit.kind.data_erased',
  ask_how_it_went: 'audit.kind.ask_how_it_went',
  share_asked: 'audit.kind.share_asked',
  follow_up_closed: 'audit.kind.follow_up_closed',
  ld_settings_changed: 'audit.kind.ld_settings_changed',
};

type Filter = { person: string; kind: AuditKind | '' };

/** The filter as a query string; blank filters are left out. */
export function auditQuery(filter: Filter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter.person.trim()) params.set('person', filter.person.trim());
  if (filter.kind) params.set('kind', filter.kind);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}

const personText = (p: { userId: string; displayName?: string } | undefined) => (p ? (p.displayName ?? p.userId) : '—');
/** The facts of an event as recorded (field names and values are the service's, not words to translate). */
const detailText = (detail: AuditEventView['detail']) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ') || '—';

/**
 * The organisation's audit trail for its L&D admins: who did what to other people's data, newest
 * first, filtered by kind and person, a page at a time, and the filtered trail as CSV. Read only:
 * nothing here, or anywhere, changes an event.
 */
export default function AuditSection({ client, locale }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [typed, setTyped] = useState<Filter>({ person: '', kind: '' });
  const [applied, setApplied] = useState<Filter>({ person: '', kind: '' });
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<{ message: string; retry: () => void }>();
  // Only the latest request may land: a page for an older filter arriving late would mix two lists.
  const latest = useRef(0);
  const { busy, status, problem, download } = useFileDownload<'csv'>();

  const load = useCallback(
    (filter: Filter, cursor?: string) => {
      const request = ++latest.current;
      setLoading(true);
      setError(undefined);
      client.get<AuditPageResponse>(`/api/v1/admin/audit${auditQuery(filter, cursor)}`).then(
        (page) => {
          if (request !== latest.current) return;
          setEvents((shown) => (cursor ? [...shown, ...page.events] : page.events));
          setNext(page.nextCursor);
          setLoading(false);
        },
        (failure: unknown) => {
          if (request !== latest.current) return;
          setLoading(false);
          setError({ message: failureMessage(i18n, t('audit.loadFailed'), failure), retry: () => load(filter, cursor) });
        },
      );
    },
    [client, i18n, t],
  );

  useEffect(() => {
    load(applied);
    return () => {
      // A counter, not a DOM node: bumping it retires the request in flight.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latest.current++;
    };
  }, [load, applied]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...typed });
  };
  const saveCsv = () =>
    download('csv', {
      fetchText: () => client.getText(`/api/v1/admin/audit.csv${auditQuery(applied)}`),
      fileName: auditCsvFilename(new Date()),
      type: 'text/csv;charset=utf-8',
      failed: t('audit.downloadFailed'),
      saved: t('audit.downloaded'),
    });

  return (
    <div className={styles.section} data-testid="audit-section">
      <Text as="p" className={styles.text}>
        {t('audit.intro')}
      </Text>
      <form className={styles.filters} onSubmit={show} aria-label={t('audit.filters')}>
        <Field label={t('audit.kind')}>
          <Select value={typed.kind} onChange={(_e, d) => setTyped((f) => ({ ...f, kind: d.value as AuditKind | '' }))}>
            <option value="">{t('audit.allKinds')}</option>
            {AUDIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABELS[kind])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('audit.person')} hint={t('audit.personHint')} className={styles.person}>
          <Input
            value={typed.person}
            maxLength={AUDIT_PERSON_MAX}
            onChange={(_e, d) => setTyped((f) => ({ ...f, person: d.value }))}
            autoComplete="off"
          />
        </Field>
        <Button appearance="primary" type="submit">
          {t('audit.show')}
        </Button>
      </form>
      <div className={styles.actions}>
        <Button disabledFocusable={busy !== null} onClick={() => void saveCsv()} data-testid="audit-csv">
          {busy ? t('myData.downloading') : t('audit.download')}
        </Button>
        <Text role="status" data-testid="audit-status">
          {status}
        </Text>
      </div>
      {problem && <Problem message={problem.message} onRetry={problem.retry} />}
      {events.length > 0 && (
        <TableScroller label={t('audit.caption')}>
          <table className={styles.table} data-testid="audit-table">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                {(['audit.when', 'audit.who', 'audit.what', 'audit.whom', 'audit.team', 'audit.detail'] as const).map((key) => (
                  <th key={key} scope="col">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                // Events have no id of their own to show; their order never changes once listed.
                <tr key={`${e.at}-${i}`}>
                  <th scope="row">
                    <time dateTime={e.at}>{formatDate(e.at, locale)}</time>
                  </th>
                  <td>{personText(e.actor)}</td>
                  <td>{t(KIND_LABELS[e.kind])}</td>
                  <td>{personText(e.subject)}</td>
                  <td>{e.teamName ?? e.teamId ?? '—'}</td>
                  <td>{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
      {!loading && !error && events.length === 0 && !next && (
        <Text as="p" className={styles.text}>
          {t('audit.none')}
        </Text>
      )}
      {error && <Problem message={error.message} onRetry={error.retry} />}
      <div className={styles.actions}>
        {loading && <Spinner size="small" label={t('audit.loading')} />}
        {!loading && next && (
          <Button onClick={() => load(applied, next)} data-testid="audit-more">
            {t('audit.loadMore')}
          </Button>
        )}
        {events.length > 0 && <Text>{t('audit.shown', { count: formatCount(events.length, locale) })}</Text>}
      </div>
    </div>
  );
}
