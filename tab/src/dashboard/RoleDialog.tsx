import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { MemberRowView, TeamRole } from '../api/dashboard-types.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** PUT `{ role }` to make a member a lead or a lead a member; leads only, and a team keeps one lead (409). */
export function memberRolePath(teamId: string, userId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/role`;
}

/** The dialog's words for a change, and what the live region says once it is made. */
export function roleChangeText(name: string, to: TeamRole, isSelf: boolean, { t }: Pick<TabTranslator, 't'> = teamEnglish) {
  if (to === 'lead') {
    return { title: t('role.makeTitle', { name }), body: t('role.makeBody'), confirm: t('role.make'), done: t('role.made', { name }) };
  }
  return {
    title: isSelf ? t('role.stopTitle') : t('role.removeTitle', { name }),
    body: isSelf ? t('role.stopBody') : t('role.removeBody', { name }),
    confirm: t('role.remove'),
    done: isSelf ? t('role.stopped') : t('role.removed', { name }),
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
  const i18n = useT();
  const { t } = i18n;
  const text = roleChangeText(member.displayName, to, isSelf, i18n);
  const submit = useDialogSubmit();

  const save = () =>
    void submit.run(
      async () => {
        await client.send('PUT', memberRolePath(teamId, member.userId), { role: to });
        onClose(text.done);
      },
      t('role.failed', { name: member.displayName }),
    );

  return (
    <FormDialog
      testId="role-dialog"
      refusalTestId="role-refusal"
      title={text.title}
      intro={<Text as="p">{text.body}</Text>}
      submit={submit}
      submitLabel={text.confirm}
      sendingLabel={t('role.saving')}
      onSubmit={save}
      onCancel={() => onClose(undefined)}
    />
  );
}
