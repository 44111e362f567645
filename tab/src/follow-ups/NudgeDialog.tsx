import { Field, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { NUDGE_NOTE_MAX, type NudgeView } from '../api/goal-types.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { followUpReasonText } from '../dashboard/follow-up-reason.js';
import { nudgeSentText } from './follow-up-format.js';
import { nudgeMemberPath } from './nudge-paths.js';
import { useT } from '../i18n/i18n-context.js';

export interface NudgeDialogProps {
  client: ApiClient;
  teamId: string;
  member: Pick<MemberRowView, 'userId' | 'displayName' | 'followUpReason' | 'followUpWhy'>;
  /** Called with what to announce once the nudge is sent, or with nothing when the lead cancelled. */
  onClose: (announcement: string | undefined) => void;
}

/**
 * A lead's nudge to one member: who, why they were flagged, an optional note, and Send. Open while
 * mounted. A refusal (nudged too recently, say) is said here in the service's words, the note kept.
 */
export function NudgeDialog({ client, teamId, member, onClose }: NudgeDialogProps) {
  const name = member.displayName;
  const [note, setNote] = useState('');
  const submit = useDialogSubmit();
  const i18n = useT();
  const { t } = i18n;
  const reason = followUpReasonText(member, i18n);

  const send = () =>
    void submit.run(
      async () => {
        const text = note.trim();
        const { nudge } = await client.send<{ nudge: NudgeView }>(
          'POST',
          nudgeMemberPath(teamId, member.userId),
          text === '' ? {} : { note: text },
        );
        onClose(nudgeSentText(name, nudge.delivered, i18n));
      },
      t('nudge.failed', { name }),
    );

  return (
    <FormDialog
      testId="nudge-dialog"
      refusalTestId="nudge-refusal"
      title={t('nudge.title', { name })}
      intro={
        <>
          <Text as="p">{t('nudge.intro', { name })}</Text>
          {reason && (
            <Text as="p" data-testid="nudge-reason">
              <strong>{t('nudge.needsFollowUp')}</strong> {reason}
            </Text>
          )}
        </>
      }
      submit={submit}
      submitLabel={t('nudge.send')}
      sendingLabel={t('nudge.sending')}
      onSubmit={send}
      onCancel={() => onClose(undefined)}
    >
      <Field label={t('nudge.note')} hint={t('nudge.noteHint', { length: note.length, max: NUDGE_NOTE_MAX })}>
        <Textarea value={note} maxLength={NUDGE_NOTE_MAX} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
    </FormDialog>
  );
}
