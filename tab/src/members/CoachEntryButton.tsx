import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { CoachDialog } from '../coaching/CoachDialog.js';
import { entryCoachingPath } from '../coaching/coaching-paths.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { useT } from '../i18n/i18n-context.js';

interface Props {
  client: ApiClient;
  teamId: string;
  member: { userId: string; displayName: string };
  entry: { id: string; what: string };
  /** Says in the page's live region what the note did. */
  announce: (message: string) => void;
}

/**
 * A lead's Coach button on one entry of a member's log (their entries page, the dashboard's actions
 * awaiting a result): the note reaches the member's chat, threaded with coaching on their shares.
 */
export function CoachEntryButton({ client, teamId, member, entry, announce }: Props) {
  const hidden = useVisuallyHidden();
  const dialog = useDialogButton();
  const { t } = useT();
  return (
    <>
      <Button ref={dialog.button} data-testid="coach-entry-button" onClick={dialog.show}>
        {t('coach.button')}
        <span className={hidden.root}>
          {' '}
          {t('coach.buttonWhom', { name: member.displayName, what: t('common.quoted', { text: entry.what }) })}
        </span>
      </Button>
      {dialog.open && (
        <CoachDialog
          client={client}
          target={{ name: member.displayName, what: entry.what, path: entryCoachingPath(teamId, member.userId, entry.id) }}
          onClose={(announcement) => {
            dialog.close();
            if (announcement) announce(announcement);
          }}
        />
      )}
    </>
  );
}
