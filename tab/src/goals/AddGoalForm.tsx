import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ApiFailure } from '../api/api-client.js';
import { fieldProblemsOf } from '../api/error-details.js';
import { GOAL_LIMITS, type AddedGoal, type GoalInput } from '../api/goal-types.js';
import { Problem } from '../components/Problem.js';
import { EMPTY_GOAL_FORM, checkGoalForm, goalFieldErrorsFrom, type GoalFormErrors, type GoalFormField } from './goal-form.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  body: { display: 'grid', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'end', gap: tokens.spacingHorizontalS },
  date: { maxWidth: '220px' },
});

export interface AddGoalFormProps {
  /** Sends the goal; resolves with it as stored, or throws what went wrong. */
  add: (input: GoalInput) => Promise<AddedGoal>;
  onAdded: (goal: AddedGoal) => void;
  onCancel: () => void;
  /** The dialog's title names it: the dialog is labelled by this id. */
  titleId: string;
}

/**
 * The new goal's fields, each with its problem stated beside it; what was typed stays after a
 * rejection. Inside AddGoalDialog's Fluent DialogSurface, but laid out without Fluent's DialogBody,
 * DialogTitle and DialogActions: this chunk is the team page's too, and those would split Fluent's
 * dialog out of the personal page's first view (see share-sections.ts).
 */
export function AddGoalForm({ add, onAdded, onCancel, titleId }: AddGoalFormProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [values, setValues] = useState(EMPTY_GOAL_FORM);
  const [errors, setErrors] = useState<GoalFormErrors>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [rejections, setRejections] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // After a rejected goal, take the learner to the first field that needs them.
    if (rejections > 0) form.current?.querySelector<HTMLElement>('input[aria-invalid="true"], textarea[aria-invalid="true"]')?.focus();
  }, [rejections]);

  const reject = (fieldErrors: GoalFormErrors) => {
    setErrors(fieldErrors);
    setRejections((n) => n + 1);
  };

  const submit = async () => {
    if (saving) return;
    setProblem(undefined);
    const check = checkGoalForm(values, i18n);
    if (!check.ok) return reject(check.errors);
    setErrors({});
    setSaving(true);
    try {
      onAdded(await add(check.input));
    } catch (error) {
      setSaving(false);
      const fieldErrors = error instanceof ApiFailure && error.status === 400 ? goalFieldErrorsFrom(fieldProblemsOf(error)) : {};
      if (Object.keys(fieldErrors).length > 0) reject(fieldErrors);
      else setProblem(failureMessage(i18n, t('goals.addFailed'), error));
    }
  };

  const field = (name: GoalFormField) => ({
    validationState: errors[name] ? ('error' as const) : ('none' as const),
    validationMessage: errors[name],
  });
  const text = (name: GoalFormField) => ({
    value: values[name],
    onChange: (_: unknown, data: { value: string }) => setValues((current) => ({ ...current, [name]: data.value })),
  });

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className={styles.body}>
        <Text as="h2" id={titleId} size={500} weight="semibold" className={styles.title}>
          {t('goals.add')}
        </Text>
        <div className={styles.content}>
          {problem && <Problem message={problem} onRetry={() => void submit()} />}
          <Field label={t('goals.whatLabel')} required hint={t('goals.whatHint', { max: GOAL_LIMITS.what })} {...field('what')}>
            <Input {...text('what')} />
          </Field>
          <Field label={t('goals.whyLabel')} hint={t('goals.optional')} {...field('why')}>
            <Textarea {...text('why')} resize="vertical" />
          </Field>
          <Field label={t('goals.dateLabel')} required hint={t('goals.dateHint')} className={styles.date} {...field('targetDate')}>
            <Input {...text('targetDate')} type="date" />
          </Field>
          <Field label={t('goals.linksLabel')} hint={t('goals.linksHint', { max: GOAL_LIMITS.resources })} {...field('resources')}>
            <Textarea {...text('resources')} resize="vertical" />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={saving}>
            {saving ? t('goals.adding') : t('goals.addSubmit')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </div>
    </form>
  );
}
