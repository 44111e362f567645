import { Dropdown, Field, Input, Option, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ENTRY_VISIBILITIES, VISIBILITY_CHOICE_LABELS } from '../../../bot/domain/entry-visibility.js';
import { SOURCE_TYPES, type SourceType } from '../../../bot/domain/learning-entry.js';
import { SOURCE_LABELS, sourceLabel } from '../format.js';
import { ENTRY_LIMITS, type EntryFormErrors, type EntryFormField, type EntryFormValues } from './entry-form.js';

const useStyles = makeStyles({
  fields: { display: 'grid', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', alignItems: 'start' },
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
      <Field label="What did you learn?" required {...state('what')}>
        <Input {...text('what')} />
      </Field>
      <div className={styles.pair}>
        <Field label="Kind of source" {...state('sourceType')}>
          <Dropdown
            value={sourceLabel(values.sourceType)}
            selectedOptions={[values.sourceType]}
            onOptionSelect={(_, data) => data.optionValue && onChange('sourceType', data.optionValue)}
          >
            {SOURCE_TYPES.map((type: SourceType) => (
              <Option key={type} value={type}>
                {SOURCE_LABELS[type]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Minutes spent" hint={`${ENTRY_LIMITS.minutesMin} to ${ENTRY_LIMITS.minutesMax}`} {...state('minutes')}>
          <Input {...text('minutes')} type="number" inputMode="numeric" min={ENTRY_LIMITS.minutesMin} max={ENTRY_LIMITS.minutesMax} step={1} />
        </Field>
      </div>
      <Field label="Link" hint="A web address starting with http:// or https://" {...state('link')}>
        <Input {...text('link')} type="url" />
      </Field>
      <Field label="How useful was it?" hint="1 is not useful, 5 is very useful" {...state('rating')}>
        <RadioGroup layout="horizontal" value={values.rating} onChange={(_, data) => onChange('rating', data.value)}>
          <Radio value="" label="Not rated" />
          {RATINGS.map((rating) => (
            <Radio key={rating} value={rating} label={rating} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Key insight" {...state('insight')}>
        <Textarea {...text('insight')} resize="vertical" />
      </Field>
      <Field label="What will you do with it?" {...state('action')}>
        <Textarea {...text('action')} resize="vertical" />
      </Field>
      <Field label="What came of it?" hint="What happened when you acted on it" {...state('result')}>
        <Textarea {...text('result')} resize="vertical" />
      </Field>
      <Field
        label="Who can see this?"
        hint="Only me keeps it out of your leads’ views. Moving a shared entry off My team withdraws its share."
        {...state('visibility')}
      >
        <RadioGroup value={values.visibility} onChange={(_, data) => onChange('visibility', data.value)}>
          {ENTRY_VISIBILITIES.map((visibility) => (
            <Radio key={visibility} value={visibility} label={VISIBILITY_CHOICE_LABELS[visibility]} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
