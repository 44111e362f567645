import { Field, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { COACHING_NOTE_MAX, type SentCoachingNote } from '../api/coaching-types.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { detailFor } from '../api/error-details.js';
import { checkCoachingNote, coachingSentText } from './coaching-format.js';
import { useT } from '../i18n/i18n-context.js';

/** Whom the note goes to, on what, and where it is posted: a share on the feed, or an entry of a member's log. */
export interface CoachingTarget {
  name: string;
  what: string;
  path: string;
}

export interface CoachDialogProps {
  client: ApiClient;
  target: CoachingTarget;
  /** Called with what to announce once the note is sent, or with nothing when the lead cancelled. */
  onClose: (announcement: string | undefined) => void;
}

/**
 * A lead's coaching note on one share or entry: it goes to the learner's chat, where they can
 * answer. Open while mounted. A note the service rejects is said beside the field, the note kept.
 */
export function CoachDialog({ client, target, onClose }: CoachDialogProps) {
  const name = target.name;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [rejections, setRejections] = useState(0);
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = useDialogSubmit();
  const i18n = useT();
  const { t } = i18n;
  const quotedWhat = t('common.quoted', { text: target.what });

  useEffect(() => {
    // After a rejection, take the lead back to the note.
    if (rejections > 0) field.current?.focus();
  }, [rejections]);

  const reject = (error: string) => {
    setNoteError(error);
    setRejections((n) => n + 1);
  };

  const send = () => {
    if (submit.sending) return;
    const check = checkCoachingNote(note, i18n);
    if (!check.ok) return reject(check.error);
    setNoteError(undefined);
    void submit.run(
      async () => {
        const sent = await client.send<{ note: SentCoachingNote }>('POST', target.path, { note: check.note });
        onClose(coachingSentText(name, sent.note.delivered, i18n));
      },
      t('coaching.sendFailed', { name }),
      // Not a lead any more, or the share was withdrawn (the entry made private), stay refusals in the service's words.
      (error) => error.status === 400 && (reject(detailFor(error, 'note') ?? error.message), true),
    );
  };

  return (
    <FormDialog
      testId="coach-dialog"
      refusalTestId="coach-refusal"
      title={t('coach.title', { name })}
      intro={<Text as="p">{t('coach.intro', { what: quotedWhat, name })}</Text>}
      submit={submit}
      submitLabel={t('coach.submit')}
      sendingLabel={t('nudge.sending')}
      onSubmit={send}
      onCancel={() => onClose(undefined)}
    >
      <Field
        label={t('coach.label')}
        required
        hint={t('coach.hint', { length: note.length, max: COACHING_NOTE_MAX })}
        validationState={noteError ? 'error' : 'none'}
        validationMessage={noteError}
      >
        <Textarea ref={field} value={note} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
    </FormDialog>
  );
}
