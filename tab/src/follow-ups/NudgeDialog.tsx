import { Button, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiFailure, describeFailure, type ApiClient } from '../api/api-client.js';
import type { MemberRowView } from '../api/dashboard-types.js';
import { NUDGE_NOTE_MAX, type NudgeView } from '../api/goal-types.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { Problem } from '../components/Problem.js';
import { nudgeSentText } from './follow-up-format.js';
import { nudgeMemberPath } from './nudge-paths.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL },
  content: { display: 'grid', gap: tokens.spacingVerticalM, '& > p': { margin: 0 } },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'end', gap: tokens.spacingHorizontalS },
});

export interface NudgeDialogProps {
  client: ApiClient;
  teamId: string;
  member: Pick<MemberRowView, 'userId' | 'displayName' | 'followUpReason'>;
  /** Called with what to announce once the nudge is sent, or with nothing when the lead cancelled. */
  onClose: (announcement: string | undefined) => void;
}

/**
 * A lead's nudge to one member: who, why they were flagged, an optional note, and Send. Open while
 * mounted. A refusal (nudged too recently, say) is said here in the service's words, the note kept.
 */
export function NudgeDialog({ client, teamId, member, onClose }: NudgeDialogProps) {
  const styles = useStyles();
  const titleId = useId();
  const name = member.displayName;
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  // A refusal says why in the service's own words; anything else can be tried again.
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const send = async () => {
    if (sending) return;
    setRefusal(undefined);
    setProblem(undefined);
    setSending(true);
    const text = note.trim();
    try {
      const { nudge } = await client.send<{ nudge: NudgeView }>('POST', nudgeMemberPath(teamId, member.userId), text === '' ? {} : { note: text });
      onClose(nudgeSentText(name, nudge.delivered));
    } catch (error) {
      setSending(false);
      if (error instanceof ApiFailure && error.status >= 400 && error.status < 500) setRefusal(error.message);
      else setProblem(describeFailure(`nudge ${name}`, error));
    }
  };

  return (
    <ModalDialog labelledBy={titleId} onDismiss={() => onClose(undefined)} testId="nudge-dialog">
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <Text as="h2" id={titleId} size={500} weight="semibold" className={styles.title}>
          Nudge {name}
        </Text>
        <div className={styles.content}>
          <Text as="p">
            Learning Loop messages {name} in their chat with it, asking how their learning is going. They can answer with one tap; their answer
            shows under Follow-ups.
          </Text>
          {member.followUpReason && (
            <Text as="p" data-testid="nudge-reason">
              <strong>Needs follow-up:</strong> {member.followUpReason}
            </Text>
          )}
          {refusal && (
            <MessageBar intent="error" layout="multiline" data-testid="nudge-refusal">
              <MessageBarBody>{refusal}</MessageBarBody>
            </MessageBar>
          )}
          {problem && <Problem message={problem} onRetry={() => void send()} />}
          <Field label="Note" hint={`Optional. ${note.length} of ${NUDGE_NOTE_MAX} characters`}>
            <Textarea value={note} maxLength={NUDGE_NOTE_MAX} resize="vertical" onChange={(_, data) => setNote(data.value)} />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={sending}>
            {sending ? 'Sending…' : 'Send'}
          </Button>
          <Button onClick={() => onClose(undefined)}>Cancel</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
