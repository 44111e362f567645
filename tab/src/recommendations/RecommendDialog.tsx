import { Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { RECOMMENDATION_LIMITS, type RecommendationView } from '../api/recommendation-types.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import {
  EMPTY_RECOMMENDATION_FORM,
  checkRecommendationForm,
  recommendationFieldErrorsFrom,
  type RecommendationFormErrors,
  type RecommendationFormField,
} from './recommendation-form.js';
import { recipientText, recommendedText, type Recipient } from './recommendation-format.js';
import { teamRecommendationsPath } from './recommendation-paths.js';
import { useT } from '../i18n/i18n-context.js';

export interface RecommendDialogProps {
  client: ApiClient;
  teamId: string;
  /** Whom the lead may pick instead of the whole team. */
  members: readonly Recipient[];
  /** Called with what to announce once it is recommended, or with nothing when the lead cancelled. */
  onClose: (announcement: string | undefined) => void;
}

/**
 * A lead's recommendation: what, where to find it, an optional note, and whether it is for the
 * whole team or one member. Open while mounted. Each field's problem is stated beside it, what
 * was typed kept; a refusal is said in the service's words.
 */
export function RecommendDialog({ client, teamId, members, onClose }: RecommendDialogProps) {
  const [values, setValues] = useState(EMPTY_RECOMMENDATION_FORM);
  const [errors, setErrors] = useState<RecommendationFormErrors>({});
  const submit = useDialogSubmit();
  const i18n = useT();
  const { t } = i18n;
  const [rejections, setRejections] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // By name, as anyone looks for a person in a list; the dashboard's order is its own sort.
  const byName = useMemo(() => [...members].sort((a, b) => a.displayName.localeCompare(b.displayName)), [members]);

  useEffect(() => {
    // After a rejection, take the lead to the first field that needs them.
    if (rejections > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [rejections]);

  const reject = (fieldErrors: RecommendationFormErrors) => {
    setErrors(fieldErrors);
    setRejections((n) => n + 1);
  };

  const send = () => {
    if (submit.sending) return;
    const check = checkRecommendationForm(values, i18n);
    if (!check.ok) return reject(check.errors);
    setErrors({});
    void submit.run(
      async () => {
        const { recommendation } = await client.send<{ recommendation: RecommendationView }>(
          'POST',
          teamRecommendationsPath(teamId),
          check.input,
        );
        onClose(recommendedText(recommendation.title, recipientText(recommendation.learnerId, members, i18n), i18n));
      },
      t('recommend.failed'),
      (error) => {
        const fieldErrors = error.status === 400 ? recommendationFieldErrorsFrom(error) : {};
        if (Object.keys(fieldErrors).length > 0) reject(fieldErrors);
        // The member picked has left the team since the page loaded.
        else if (error.status === 404 && check.input.learnerId) reject({ learnerId: error.message });
        else return false;
        return true;
      },
    );
  };

  const field = (name: RecommendationFormField) => ({
    validationState: errors[name] ? ('error' as const) : ('none' as const),
    validationMessage: errors[name],
  });
  const text = (name: RecommendationFormField) => ({
    value: values[name],
    onChange: (_: unknown, data: { value: string }) => setValues((current) => ({ ...current, [name]: data.value })),
  });

  return (
    <FormDialog
      testId="recommend-dialog"
      refusalTestId="recommend-refusal"
      formRef={form}
      title={t('recommend.button')}
      intro={<Text as="p">{t('recommend.intro')}</Text>}
      submit={submit}
      submitLabel={t('recommend.submit')}
      sendingLabel={t('recommend.sending')}
      onSubmit={send}
      onCancel={() => onClose(undefined)}
    >
      <Field
        label={t('recommend.titleLabel')}
        required
        hint={t('recommend.titleHint', { max: RECOMMENDATION_LIMITS.title })}
        {...field('title')}
      >
        <Input {...text('title')} />
      </Field>
      <Field label={t('entryForm.linkLabel')} required hint={t('entryForm.linkHint')} {...field('link')}>
        <Input {...text('link')} type="url" />
      </Field>
      <Field
        label={t('recs.note')}
        hint={t('recommend.noteHint', { length: values.note.length, max: RECOMMENDATION_LIMITS.note })}
        {...field('note')}
      >
        <Textarea {...text('note')} resize="vertical" />
      </Field>
      <Field label={t('recommend.forWhom')} {...field('learnerId')}>
        <Select {...text('learnerId')}>
          <option value="">{t('recommend.wholeTeam')}</option>
          {byName.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
