import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { Problem } from '../components/Problem.js';
import { useLazyPart } from '../components/use-lazy-part.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import type { RoleDialog as RoleDialogType } from './RoleDialog.js';
import { useT } from '../i18n/i18n-context.js';

/** What a lead's member table needs to offer Make lead / Remove as lead on each row. */
export interface RoleChanging {
  client: ApiClient;
  teamId: string;
  /** A role changed: says so in the page's live region and loads the dashboard again. */
  onChanged: (announcement: string) => void;
}

// The confirmation loads on first use, in a chunk of its own, keeping it out of the dashboard's first view.
let loadedDialog: typeof RoleDialogType | undefined;
const loadDialog = async () => (loadedDialog ??= (await import('./RoleDialog.js')).RoleDialog);

interface Props extends RoleChanging {
  member: MemberRowView;
  /** The row is the caller's own. */
  isSelf: boolean;
}

/** A lead's button to make a member a lead, or a lead a member again, after confirming. Focus comes back here. */
export function RoleButton({ member, isSelf, client, teamId, onChanged }: Props) {
  const hidden = useVisuallyHidden();
  const dialog = useDialogButton();
  const { t } = useT();
  const { Part: RoleDialog, opening, problem, open: load } = useLazyPart(loadDialog, loadedDialog, t('role.openFailed'));

  const openDialog = () => load(dialog.show);

  return (
    <>
      <Button ref={dialog.button} size="small" data-testid="role-button" disabledFocusable={opening} onClick={() => void openDialog()}>
        {member.role === 'lead' ? t('role.remove') : t('role.make')}
        {/* The space inside: browsers differ on whether a hidden span starts a new word. */}
        <span className={hidden.root}> ({member.displayName})</span>
      </Button>
      {RoleDialog && dialog.open && (
        <RoleDialog
          client={client}
          teamId={teamId}
          member={member}
          isSelf={isSelf}
          onClose={(announcement) => {
            dialog.close();
            if (announcement) onChanged(announcement);
          }}
        />
      )}
      {problem && <Problem message={problem} onRetry={() => void openDialog()} />}
    </>
  );
}
