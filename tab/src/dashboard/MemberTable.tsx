import {
  Badge,
  Field,
  Input,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import type { MemberRowView } from '../api/dashboard-types.js';
import { NudgeButton, type Nudging } from '../follow-ups/NudgeButton.js';
import { formatMinutes } from '../format.js';
import { formatAverageRating, formatCount, formatDay } from './dashboard-format.js';
import { EntriesLink } from './EntriesLink.js';
import {
  DEFAULT_SORT,
  NO_FILTER,
  nextSort,
  visibleMembers,
  type MemberColumn,
  type MemberFilter,
  type MemberSort,
} from './member-table-state.js';
import { RoleButton, type RoleChanging } from './RoleButton.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { useNarrowScreen } from '../components/use-narrow-screen.js';
import { followUpReasonText } from './follow-up-reason.js';
import { followThroughNote, followThroughText } from '../follow-through/follow-through-format.js';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  search: { minWidth: '240px' },
  scroll: { overflowX: 'auto' },
  table: { minWidth: '960px' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  numberHeader: { justifyContent: 'flex-end' },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  reason: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground2 },
  // Always rendered, so screen readers are listening before a nudge goes out.
  status: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // On a phone, one block per member: the name, then each figure beside its label.
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  itemName: { fontWeight: tokens.fontWeightSemibold },
  pair: { display: 'contents' },
  figures: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  },
});

const COLUMNS: { column: MemberColumn; label: MessageKey; numeric?: boolean }[] = [
  { column: 'name', label: 'members.name' },
  { column: 'lastCheckIn', label: 'members.lastCheckIn' },
  { column: 'streak', label: 'members.streak', numeric: true },
  { column: 'entries', label: 'members.entries', numeric: true },
  { column: 'minutes', label: 'members.minutes', numeric: true },
  { column: 'rating', label: 'members.rating', numeric: true },
  { column: 'followThrough', label: 'followThrough.rate', numeric: true },
  { column: 'paused', label: 'members.paused' },
  { column: 'followUp', label: 'members.followUp' },
];

interface Props {
  members: MemberRowView[];
  locale: string;
  /** Leads see everyone and can filter; a member's table holds their own row only. */
  canFilter: boolean;
  /** The id of the heading that names the table. */
  labelledBy: string;
  /** Leads only: a Nudge button on every row but the caller's own. */
  nudging?: Nudging | undefined;
  /** Leads only: Make lead / Remove as lead on every row, but the caller's own while they are the only lead. */
  roles?: RoleChanging | undefined;
  /** Leads only: the team whose members' entries each row links to, on every row but the caller's own. */
  entriesTeamId?: string | undefined;
  /** The caller's user id, to tell their own row. */
  callerId?: string | undefined;
}

export function MemberTable({ members, locale, canFilter, labelledBy, nudging, roles, entriesTeamId, callerId }: Props) {
  const styles = useStyles();
  const { t, plural } = useT();
  const [sort, setSort] = useState<MemberSort>(DEFAULT_SORT);
  const [filter, setFilter] = useState<MemberFilter>(NO_FILTER);
  const rows = useMemo(() => visibleMembers(members, sort, filter, locale), [members, sort, filter, locale]);
  const onlyLead = members.filter((m) => m.role === 'lead').length === 1;
  const narrow = useNarrowScreen();
  const hasActions = Boolean(nudging || roles || entriesTeamId);
  const rowOptions = (row: MemberRowView): RowOptions => ({
    nudging,
    roles,
    entriesTeamId,
    isSelf: row.userId === callerId,
    onlyLead,
    hasActions,
  });

  return (
    <>
      {canFilter && (
        <div className={styles.filters} role="search" aria-label={t('members.filter')}>
          <Field label={t('members.filterByName')} className={styles.search}>
            <Input type="search" value={filter.text} onChange={(_e, data) => setFilter((f) => ({ ...f, text: data.value }))} />
          </Field>
          <Switch
            label={t('members.needsFollowUpOnly')}
            checked={filter.followUpOnly}
            onChange={(_e, data) => setFilter((f) => ({ ...f, followUpOnly: data.checked }))}
          />
        </div>
      )}
      {canFilter && (
        <Text as="p" aria-live="polite" data-testid="member-count">
          {rows.length === members.length
            ? plural('members.count', members.length)
            : plural('members.showing', members.length, { shown: formatCount(rows.length, locale) })}
        </Text>
      )}
      {nudging && (
        <Text as="p" role="status" className={styles.status} data-testid="nudge-status">
          {nudging.announcement}
        </Text>
      )}
      {narrow ? (
        <ul aria-labelledby={labelledBy} className={styles.list} data-testid="member-list">
          {rows.map((row) => (
            <MemberListItem key={row.userId} row={row} locale={locale} {...rowOptions(row)} />
          ))}
        </ul>
      ) : (
        <div className={styles.scroll}>
          <Table sortable aria-labelledby={labelledBy} className={styles.table} data-testid="member-table">
            <TableHeader>
              <TableRow>
                {COLUMNS.map(({ column, label, numeric }) => (
                  <TableHeaderCell
                    key={column}
                    className={numeric ? styles.number : undefined}
                    sortDirection={sort.column === column ? sort.direction : undefined}
                    onClick={() => setSort((current) => nextSort(current, column))}
                    button={{ as: 'button', type: 'button', className: numeric ? styles.numberHeader : undefined }}
                  >
                    {t(label)}
                  </TableHeaderCell>
                ))}
                {hasActions && <TableHeaderCell sortable={false}>{t('members.actions')}</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <MemberTableRow key={row.userId} row={row} locale={locale} {...rowOptions(row)} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {rows.length === 0 && members.length > 0 && <Text as="p">{t('members.noMatch')}</Text>}
    </>
  );
}

interface RowOptions {
  nudging: Nudging | undefined;
  roles: RoleChanging | undefined;
  entriesTeamId: string | undefined;
  isSelf: boolean;
  onlyLead: boolean;
  hasActions: boolean;
}

interface RowProps extends RowOptions {
  row: MemberRowView;
  locale: string;
}

/** A member's figures after their name, in COLUMNS order: the table's cells, or the list's labelled values. */
function memberFigures(row: MemberRowView, locale: string, i18n: TabTranslator, styles: ReturnType<typeof useStyles>): ReactNode[] {
  const { t } = i18n;
  const reason = followUpReasonText(row, i18n);
  return [
    row.lastCheckInAt ? formatDay(row.lastCheckInAt, locale) : <span className={styles.muted}>{t('members.never')}</span>,
    formatCount(row.streak, locale),
    formatCount(row.entries, locale),
    formatMinutes(row.minutes, locale),
    row.averageRating === null ? (
      <span className={styles.muted}>{t('members.notRated')}</span>
    ) : (
      formatAverageRating(row.averageRating, locale)
    ),
    row.followThrough.followThrough === null ? (
      <span className={styles.muted}>{t('followThrough.noneDueShort')}</span>
    ) : (
      <>
        {followThroughText(row.followThrough, locale)}
        <span className={styles.reason}>{followThroughNote(row.followThrough, locale, i18n)}</span>
      </>
    ),
    row.paused ? t('members.paused') : t('members.no'),
    row.needsFollowUp ? (
      <>
        <Badge appearance="tint" color="warning">
          {t('members.needsFollowUp')}
        </Badge>
        {reason && <span className={styles.reason}>{reason}</span>}
      </>
    ) : (
      <span className={styles.muted}>{t('members.no')}</span>
    ),
  ];
}

function MemberName({ row }: { row: MemberRowView }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <span className={styles.name}>
      <span data-testid="member-name">{row.displayName}</span>
      {row.role === 'lead' && (
        <Badge appearance="outline" color="informative" size="small">
          {t('members.lead')}
        </Badge>
      )}
    </span>
  );
}

// Your own entries are all on My learning; nudging yourself is pointless; stepping down as the only lead would leave the team without one.
function MemberActions({ row, nudging, roles, entriesTeamId, isSelf, onlyLead }: RowProps) {
  const styles = useStyles();
  const canRead = entriesTeamId && !isSelf;
  const canNudge = nudging && !isSelf;
  const canChangeRole = roles && !(isSelf && row.role === 'lead' && onlyLead);
  return (
    <span className={styles.actions}>
      {canRead && <EntriesLink member={row} teamId={entriesTeamId} />}
      {canNudge && <NudgeButton member={row} client={nudging.client} teamId={nudging.teamId} onSent={nudging.onSent} />}
      {canChangeRole && <RoleButton member={row} isSelf={isSelf} client={roles.client} teamId={roles.teamId} onChanged={roles.onChanged} />}
    </span>
  );
}

function MemberTableRow(props: RowProps) {
  const styles = useStyles();
  const i18n = useT();
  const figures = memberFigures(props.row, props.locale, i18n, styles);
  return (
    <TableRow data-testid="member-row">
      <TableCell>
        <MemberName row={props.row} />
      </TableCell>
      {figures.map((figure, i) => {
        const { column, numeric } = COLUMNS[i + 1]!;
        return (
          <TableCell
            key={column}
            className={numeric ? styles.number : undefined}
            data-testid={column === 'followUp' ? 'member-follow-up' : column === 'followThrough' ? 'member-follow-through' : undefined}
          >
            {figure}
          </TableCell>
        );
      })}
      {props.hasActions && (
        <TableCell>
          <MemberActions {...props} />
        </TableCell>
      )}
    </TableRow>
  );
}

function MemberListItem(props: RowProps) {
  const styles = useStyles();
  const i18n = useT();
  const figures = memberFigures(props.row, props.locale, i18n, styles);
  return (
    <li className={styles.item} data-testid="member-row">
      <span className={styles.itemName}>
        <MemberName row={props.row} />
      </span>
      <dl className={styles.figures}>
        {figures.map((figure, i) => {
          const { column, label } = COLUMNS[i + 1]!;
          return (
            <div key={column} className={styles.pair}>
              <dt>{i18n.t(label)}</dt>
              <dd
                data-testid={column === 'followUp' ? 'member-follow-up' : column === 'followThrough' ? 'member-follow-through' : undefined}
              >
                {figure}
              </dd>
            </div>
          );
        })}
      </dl>
      {props.hasActions && <MemberActions {...props} />}
    </li>
  );
}
