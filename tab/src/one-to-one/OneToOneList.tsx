import { Button, Caption1, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/api-client.js';
import {
  ONE_TO_ONE_TICKED_DAYS,
  ONE_TO_ONE_TOPIC_MAX,
  type OneToOneItem,
  type OneToOneItemResponse,
  type OneToOneListView,
} from './one-to-one-types.js';
import { useCardSurfaceStyles } from '../components/card-surface.js';
import { formatDate } from '../format.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { checkTopic, itemText } from './one-to-one-format.js';
import { itemTickedPath, pairItemsPath, type PairRef } from './one-to-one-paths.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  words: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  field: { flexGrow: 1, minWidth: '16rem' },
  text: { margin: 0 },
  heading: { margin: 0 },
  summary: { cursor: 'pointer', color: tokens.colorNeutralForeground1 },
});

interface Props {
  client: ApiClient;
  locale: string;
  list: OneToOneListView;
  /** Whose side the list is read from: it names the other person. */
  viewer: 'lead' | 'member';
  /** The service answered a change: read the list again. */
  onChanged: () => void;
}

/**
 * One lead's and one member's 1:1 list: open items to discuss, a topic either can add, a tick when
 * an item was discussed, and what was ticked off in the last 90 days, folded away.
 */
export function OneToOneList({ client, locale, list, viewer, onChanged }: Props) {
  const styles = useStyles();
  const card = useCardSurfaceStyles();
  const i18n = useT();
  const { t } = i18n;
  const headingId = useId();
  const pair: PairRef = { teamId: list.teamId, leadId: list.lead.userId, memberId: list.member.userId };
  const [announcement, setAnnouncement] = useState('');
  const open = list.items.filter((i) => !i.ticked);
  const ticked = list.items.filter((i) => i.ticked);
  const title =
    viewer === 'member'
      ? t('oneToOne.withLead', { name: list.lead.displayName, team: list.teamName })
      : t('oneToOne.withMember', { name: list.member.displayName });

  return (
    <section aria-labelledby={headingId} className={card.surface} data-testid="one-to-one-list">
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {open.length === 0 ? (
        <Text as="p" className={styles.text} data-testid="one-to-one-empty">
          {t('oneToOne.empty')}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {open.map((item) => (
            <li key={item.itemId} data-testid="one-to-one-item">
              <OpenItem client={client} locale={locale} pair={pair} item={item} onTicked={onChanged} announce={setAnnouncement} />
            </li>
          ))}
        </ul>
      )}
      <TopicForm client={client} pair={pair} onAdded={onChanged} announce={setAnnouncement} />
      {ticked.length > 0 && (
        <details data-testid="one-to-one-ticked">
          <summary className={styles.summary}>{i18n.plural('oneToOne.tickedHeading', ONE_TO_ONE_TICKED_DAYS)}</summary>
          <ul className={styles.list}>
            {ticked.map((item) => (
              <li key={item.itemId} className={styles.words} data-testid="one-to-one-ticked-item">
                <Text>{itemText(item, i18n)}</Text>
                <Caption1 className={styles.muted}>
                  {t('oneToOne.tickedBy', { date: formatDate(item.ticked!.at, locale), name: item.ticked!.by.displayName })}
                </Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
      {/* A live region of the list's own (not a status role: the page's status line stays the one status). */}
      <Text as="p" aria-live="polite" aria-atomic="true" className={styles.text} data-testid="one-to-one-status">
        {announcement}
      </Text>
    </section>
  );
}

function OpenItem({
  client,
  locale,
  pair,
  item,
  onTicked,
  announce,
}: {
  client: ApiClient;
  locale: string;
  pair: PairRef;
  item: OneToOneItem;
  onTicked: () => void;
  announce: (message: string) => void;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const textId = useId();
  const [sending, setSending] = useState(false);
  const text = itemText(item, i18n);
  const tick = async () => {
    setSending(true);
    try {
      await client.send<OneToOneItemResponse>('PUT', itemTickedPath(pair, item.itemId), {});
      announce(t('oneToOne.tickedDone', { text }));
      onTicked();
    } catch (error) {
      announce(failureMessage(i18n, t('oneToOne.tickFailed'), error));
      setSending(false);
    }
  };
  return (
    <div className={styles.item}>
      <div className={styles.words}>
        <Text id={textId}>{text}</Text>
        <Caption1 className={styles.muted}>
          {t('oneToOne.addedBy', { name: item.addedBy.displayName, date: formatDate(item.addedAt, locale) })}
        </Caption1>
      </div>
      <Button onClick={tick} disabledFocusable={sending} aria-describedby={textId} data-testid="one-to-one-tick">
        {t('oneToOne.tick')}
      </Button>
    </div>
  );
}

function TopicForm({
  client,
  pair,
  onAdded,
  announce,
}: {
  client: ApiClient;
  pair: PairRef;
  onAdded: () => void;
  announce: (message: string) => void;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const check = checkTopic(topic, i18n);
    if (!check.ok) {
      setError(check.error);
      field.current?.focus();
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      await client.send<OneToOneItemResponse>('POST', pairItemsPath(pair), { topic: check.topic });
      setTopic('');
      announce(t('oneToOne.added', { text: check.topic }));
      onAdded();
    } catch (failure) {
      // The topic stays in the box, to send again.
      setError(failureMessage(i18n, t('oneToOne.addFailed'), failure));
      field.current?.focus();
    } finally {
      setSending(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={add} noValidate>
      <Field
        className={styles.field}
        label={t('oneToOne.topicLabel')}
        hint={t('oneToOne.topicHint', { length: topic.length, max: ONE_TO_ONE_TOPIC_MAX })}
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Input ref={field} value={topic} onChange={(_, data) => setTopic(data.value)} data-testid="one-to-one-topic" />
      </Field>
      <Button type="submit" appearance="primary" disabledFocusable={sending} data-testid="one-to-one-add">
        {t('oneToOne.addTopic')}
      </Button>
    </form>
  );
}
