import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import type { ShareView } from '../api/share-types.js';
import { CoachDialog } from './CoachDialog.js';
import { shareCoachingPath } from './coaching-paths.js';
import { useT } from '../i18n/i18n-context.js';

interface Props {
  client: ApiClient;
  share: Pick<ShareView, 'teamId' | 'shareId' | 'sharerName' | 'what'>;
  /** Says in the feed's live region what the note did. */
  announce: (message: string) => void;
}

/**
 * A lead's Coach button on someone else's share, and the dialog it opens. It rides in the feed's
 * chunk (see share-sections.ts), so the dialog needs no loading of its own. Focus comes back here
 * when it closes.
 */
export function CoachButton({ client, share, announce }: Props) {
  const hidden = useVisuallyHidden();
  const dialog = useDialogButton();
  const { t } = useT();

  return (
    <>
      <Button ref={dialog.button} data-testid="coach-button" onClick={dialog.show}>
        {t('coach.button')}
        <span className={hidden.root}>
          {' '}
          {t('coach.buttonWhom', { name: share.sharerName, what: t('common.quoted', { text: share.what }) })}
        </span>
      </Button>
      {dialog.open && (
        <CoachDialog
          client={client}
          target={{ name: share.sharerName, what: share.what, path: shareCoachingPath(share.teamId, share.shareId) }}
          onClose={(announcement) => {
            dialog.close();
            if (announcement) announce(announcement);
          }}
        />
      )}
    </>
  );
}
