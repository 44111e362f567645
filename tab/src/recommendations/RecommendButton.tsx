import { Button, makeStyles } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import type { Recipient } from './recommendation-format.js';
import { RecommendDialog } from './RecommendDialog.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  button: { justifySelf: 'start' },
});

interface Props {
  client: ApiClient;
  teamId: string;
  members: readonly Recipient[];
  /** A recommendation went out: says so and refreshes the list. */
  onRecommended: (announcement: string) => void;
}

/**
 * The lead's Recommend a resource button and the dialog it opens. Both ride in the sections' chunk
 * with the list (see share-sections.ts), so the dialog needs no loading of its own. Focus comes
 * back to the button when it closes.
 */
export function RecommendButton({ client, teamId, members, onRecommended }: Props) {
  const styles = useStyles();
  const dialog = useDialogButton();
  const { t } = useT();

  return (
    <>
      <Button ref={dialog.button} className={styles.button} data-testid="recommend-button" onClick={dialog.show}>
        {t('recommend.button')}
      </Button>
      {dialog.open && (
        <RecommendDialog
          client={client}
          teamId={teamId}
          members={members}
          onClose={(announcement) => {
            dialog.close();
            if (announcement) onRecommended(announcement);
          }}
        />
      )}
    </>
  );
}
