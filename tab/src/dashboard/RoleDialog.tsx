import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { MemberRowView, TeamRole } from '../api/dashboard-types.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { useT } from '../i18n/i18n-context.js';

/** PUT `{ role }` to make a member a lead or a lead a member; leads only, and a team keeps one lead (409). */
export function memberRolePath(teamId: string, userId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/role`;
}

/** The dialog's words for a change, and what the live region says once it is made. */
export function roleChangeText(name: string, to: TeamRole, isSelf: boolean) {
  if (to === 'lead') {
    return {
      title: `Make ${name} a lead?`,
      body: `Leads see every member’s details on this dashboard, change the team’s check-in schedule, nudge members and get the weekly digest.`,
      confirm: 'Make lead',
      done: `${name} is now a lead`,
    };
  }
  return {
    title: isSelf ? 'Stop being a lead?' : `Remove ${name} as a lead?`,
    body: `${isSelf ? 'You' : name} will see only the team’s totals and ${isSelf ? 'your' : 'their'} own row. Another lead can make ${isSelf ? 'you' : 'them'} a lead again.`,
    confirm: 'Remove as lead',
    done: isSelf ? 'You are no longer a lead of this team' : `${name} is no longer a lead`,
  };
}

export interface RoleDialogProps {
  client: ApiClient;
  teamId: string;
  member: Pick<MemberRowView, 'userId' | 'displayName' | 'role'>;
  isSelf: boolean;
  /** Called with what to announce once the role changed, or with nothing when the lead cancelled. */
  onClose: (announcement: string | undefined) => void;
}

/**
 * Confirms a change of role, open while mounted. On the browser's own dialog (ModalDialog), not
 * Fluent's, which would be split out of the personal page's first view. A refusal (the team's last
 * lead, say) is said here in the service's words.
 */
export function RoleDialog({ client, teamId, member, isSelf, onClose }: RoleDialogProps) {
  const to: TeamRole = member.role === 'lead' ? 'member' : 'lead';
  const text = roleChangeText(member.displayName, to, isSelf);
  const submit = useDialogSubmit();
  const { t } = useT();

  const save = () =>
    void submit.run(async () => {
      await client.send('PUT', memberRolePath(teamId, member.userId), { role: to });
      onClose(text.done);
    }, t('role.failed', { name: member.displayName }));

  return (
    <FormDialog
      testId="role-dialog"
      refusalTestId="role-refusal"
      title={text.title}
      intro={<Text as="p">{text.body}</Text>}
      submit={submit}
      submitLabel={text.confirm}
      sendingLabel="Saving…"
      onSubmit={save}
      onCancel={() => onClose(undefined)}
    />
  );
}
