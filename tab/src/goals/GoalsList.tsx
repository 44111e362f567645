import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState, type ComponentType, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DiscussWithLead } from '../one-to-one/DiscussWithLead.js';
import type { AddedGoal, GoalView } from '../api/goal-types.js';
import { NotesList } from '../components/NotesList.js';
import { formatCalendarDay, formatDate } from '../format.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ExternalLink, ShareArticle } from '../shares/ShareArticle.js';
import type { AddGoalDialogProps } from './AddGoalDialog.js';
import { goalAddedText, goalLinkHref, goalStatusLook, goalsCountText, latestNote } from './goal-format.js';
import { useGoals } from './use-goals.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  links: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS },
});

interface Props {
  client: ApiClient;
  locale: string;
  heading: SectionHeading;
  /**
   * The Add a goal button and its dialog's frame, handed in from the personal page's first view,
   * which already carries Fluent's Dialog. This chunk is the team page's too: a Dialog imported
   * here would be split out of the personal page's first view (see share-sections.ts).
   */
  AddGoal: ComponentType<AddGoalDialogProps>;
}

/** The learner's goals, oldest first, each with how it stands; and a way to set a new one. */
export function GoalsList({ client, locale, heading, AddGoal }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const { goals, loading, error, reload, add, added } = useGoals(client);
  const [announcement, setAnnouncement] = useState('');

  const onAdded = useCallback(
    (goal: AddedGoal) => {
      added(goal);
      setAnnouncement(goalAddedText(goal.what, i18n));
    },
    [added, i18n],
  );

  const count = goals?.length ?? 0;
  return (
    <>
      <ListStatus announcement={announcement} count={goals && count > 0 ? goalsCountText(count, i18n) : undefined} testId="goals-status" />
      <AddGoal add={add} onAdded={onAdded} />
      <LoadedList
        items={goals}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('goals.loading')}
        empty={
          <MessageWithElement message={t('goals.empty')} name="command">
            <strong>goal add</strong>
          </MessageWithElement>
        }
        emptyTestId="goals-empty"
        labelledBy={heading.id}
        itemTestId="goal-item"
        keyOf={(goal) => goal.goalId}
        renderItem={(goal) => <GoalItem goal={goal} locale={locale} client={client} />}
      />
    </>
  );
}

function GoalItem({ goal, locale, client }: { goal: GoalView; locale: string; client: ApiClient }) {
  const styles = useStyles();
  const titleId = useId();
  const i18n = useT();
  const { t, plural } = i18n;
  const status = goalStatusLook(goal, i18n);
  const note = latestNote(goal);
  const notes: Array<[string, ReactNode]> = [];
  if (goal.why) notes.push([t('goals.why'), goal.why]);
  if (note) {
    notes.push([
      t('goals.latestUpdate'),
      <>
        <time dateTime={note.at}>{formatDate(note.at, locale)}</time>: {note.note}
      </>,
    ]);
  }
  if (goal.resources.length > 0) {
    notes.push([
      plural('goals.links', goal.resources.length),
      <ul className={styles.links}>
        {goal.resources.map((link) => {
          const href = goalLinkHref(link);
          return <li key={link}>{href ? <ExternalLink href={href}>{link}</ExternalLink> : link}</li>;
        })}
      </ul>,
    ]);
  }

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={goal.what}
        byline={
          <MessageWithElement message={t('goals.targetDate')} name="date">
            <time dateTime={goal.targetDate}>{formatCalendarDay(goal.targetDate, locale)}</time>
          </MessageWithElement>
        }
      />
      <div>
        <Badge appearance="tint" color={status.color} data-testid="goal-status">
          {status.label}
        </Badge>
      </div>
      <NotesList notes={notes} />
      {/* An open goal can be put on a 1:1 list, to talk it through with a lead. */}
      {!goal.closedAt && <DiscussWithLead client={client} subject={{ goalId: goal.goalId }} what={goal.what} />}
    </ShareArticle>
  );
}
