import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { Problem } from '../components/Problem.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import type { NudgeDialog as NudgeDialogType } from './NudgeDialog.js';
import { useLazyPart } from '../components/use-lazy-part.js';
import { useT } from '../i18n/i18n-context.js';

/** What a lead's member table needs to offer Nudge on each row. */
export interface Nudging {
  client: ApiClient;
  teamId: string;
  /** A nudge went out: says so in the page's live region and refreshes the follow-ups. */
  onSent: (announcement: string) => void;
  /** The live region's words: what the last nudge did. */
  announcement: string;
}

/**
 * The dialog loads on the first Nudge, with the sections' chunk (see share-sections.ts), keeping
 * it out of the dashboard's first view; it opens once here, so it never shows half built.
 */
let loadedDialog: typeof NudgeDialogType | undefined;
const loadDialog = async () => (loadedDialog ??= (await import('../shares/share-sections.js')).NudgeDialog);

interface Props extends Omit<Nudging, 'announcement'> {
  member: MemberRowView;
}

/** A lead's Nudge button for one member, and the dialog it opens. Focus comes back here when it closes. */
export function NudgeButton({ member, client, teamId, onSent }: Props) {
  const hidden = useVisuallyHidden();
  const dialog = useDialogButton();
  const { t } = useT();
  const { Part: NudgeDialog, opening, problem, open: load } = useLazyPart(loadDialog, loadedDialog, t('nudge.openFailed'));

  const openDialog = () => load(dialog.show);

  return (
    <>
      <Button ref={dialog.button} size="small" data-testid="nudge-button" disabledFocusable={opening} onClick={() => void openDialog()}>
        {t('nudge.button')}
        <span className={hidden.root}> {member.displayName}</span>
      </Button>
      {NudgeDialog && dialog.open && (
        <NudgeDialog
          client={client}
          teamId={teamId}
          member={member}
          onClose={(announcement) => {
            dialog.close();
            if (announcement) onSent(announcement);
          }}
        />
      )}
      {problem && <Problem message={problem} onRetry={() => void openDialog()} />}
    </>
  );
}
