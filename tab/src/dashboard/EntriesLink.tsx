import { Button } from '@fluentui/react-components';
import type { MemberRowView } from '../api/dashboard-types.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { memberEntriesPath } from '../routes.js';
import { useT } from '../i18n/i18n-context.js';

/**
 * A lead's way from a member's row to the entries that member shares with leads. A link, not a
 * button: it opens a page of its own (the query, e.g. a local demo identity, goes along), so the
 * browser's Back returns to the dashboard.
 */
export function EntriesLink({ member, teamId }: { member: MemberRowView; teamId: string }) {
  const hidden = useVisuallyHidden();
  const { t } = useT();
  return (
    <Button
      as="a"
      size="small"
      href={memberEntriesPath({ teamId, userId: member.userId }, window.location.search)}
      data-testid="entries-link"
    >
      {t('members.viewEntries')}
      {/* The space inside: browsers differ on whether a hidden span starts a new word. */}
      <span className={hidden.root}> ({member.displayName})</span>
    </Button>
  );
}
