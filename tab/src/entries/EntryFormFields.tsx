import { Dropdown, Field, Input, Option, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { RATING_SCALE } from '../../../bot/contract/check-in-rules.js';
import { ENTRY_VISIBILITIES } from '../../../bot/contract/entry-visibility.js';
import { SOURCE_TYPES, type SourceType } from '../../../bot/contract/learning-entry.js';
import { sourceLabel, visibilityLabel } from '../format.js';
import { useT } from '../i18n/i18n-context.js';
import { ENTRY_LIMITS, type EntryFormErrors, type EntryFormField, type EntryFormValues } from './entry-form.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    alignItems: 'start',
  },
});

const RATINGS = ['1', '2', '3', '4', '5'] as const;

interface Props {
  values: EntryFormValues;
  errors: EntryFormErrors;
  onChange: (field: EntryFormField, value: string) => void;
}

/** The check-in card's questions, as form fields, each with its problem stated beside it. */
export function EntryFormFields({ values, errors, onChange }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const plain = new Intl.NumberFormat(i18n.formatting, { useGrouping: false });
  const state = (field: EntryFormField) => ({
    validationState: errors[field] ? ('error' as const) : ('none' as const),
    validationMessage: errors[field],
  });
  const text = (field: EntryFormField) => ({
    value: values[field],
    onChange: (_: unknown, data: { value: string }) => onChange(field, data.value),
  });

  return (
    <div className={styles.fields}>
      <Field label={t('entryForm.whatLabel')} required {...state('what')}>
        <Input {...text('what')} />
      </Field>
      <div className={styles.pair}>
        <Field label={t('entryForm.sourceLabel')} {...state('sourceType')}>
          <Dropdown
            value={sourceLabel(values.sourceType, i18n)}
            selectedOptions={[values.sourceType]}
            onOptionSelect={(_, data) => data.optionValue && onChange('sourceType', data.optionValue)}
          >
            {SOURCE_TYPES.map((type: SourceType) => (
              <Option key={type} value={type}>
                {sourceLabel(type, i18n)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label={t('entryForm.minutesLabel')}
          hint={t('entryForm.minutesHint', { min: plain.format(ENTRY_LIMITS.minutesMin), max: plain.format(ENTRY_LIMITS.minutesMax) })}
          {...state('minutes')}
        >
          <Input
            {...text('minutes')}
            type="number"
            inputMode="numeric"
            min={ENTRY_LIMITS.minutesMin}
            max={ENTRY_LIMITS.minutesMax}
            step={1}
          />
        </Field>
      </div>
      <Field label={t('entryForm.linkLabel')} hint={t('entryForm.linkHint')} {...state('link')}>
        <Input {...text('link')} type="url" />
      </Field>
      <Field label={t('entryForm.ratingLabel')} hint={t('entryForm.ratingHint', RATING_SCALE)} {...state('rating')}>
        <RadioGroup layout="horizontal" value={values.rating} onChange={(_, data) => onChange('rating', data.value)}>
          <Radio value="" label={t('entryForm.notRated')} />
          {RATINGS.map((rating) => (
            <Radio key={rating} value={rating} label={plain.format(Number(rating))} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('entryForm.insightLabel')} {...state('insight')}>
        <Textarea {...text('insight')} resize="vertical" />
      </Field>
      <Field label={t('entryForm.actionLabel')} {...state('action')}>
        <Textarea {...text('action')} resize="vertical" />
      </Field>
      <Field label={t('entryForm.resultLabel')} hint={t('entryForm.resultHint')} {...state('result')}>
        <Textarea {...text('result')} resize="vertical" />
      </Field>
      <Field label={t('entryForm.visibilityLabel')} hint={t('entryForm.visibilityHint')} {...state('visibility')}>
        <RadioGroup value={values.visibility} onChange={(_, data) => onChange('visibility', data.value)}>
          {ENTRY_VISIBILITIES.map((visibility) => (
            <Radio key={visibility} value={visibility} label={visibilityLabel('choice', visibility, i18n)} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
