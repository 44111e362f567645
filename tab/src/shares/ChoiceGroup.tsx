import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';

interface Props<T extends string> {
  label: string;
  /** Each choice's words, from the catalog. */
  choices: readonly { value: T; label: MessageKey }[];
  value: T;
  onChange(value: T): void;
}

/** A small set of views of one list, e.g. its order: arrow keys move between them, each a new request. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange }: Props<T>) {
  const { t } = useT();
  return (
    <Field label={label}>
      <RadioGroup
        layout="horizontal"
        value={value}
        onChange={(_event, data) => {
          const choice = choices.find((c) => c.value === data.value);
          if (choice) onChange(choice.value);
        }}
      >
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} label={t(choice.label)} />
        ))}
      </RadioGroup>
    </Field>
  );
}
