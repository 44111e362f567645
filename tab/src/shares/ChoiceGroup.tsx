import { Field, Radio, RadioGroup } from '@fluentui/react-components';

interface Props<T extends string> {
  label: string;
  choices: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** A small set of views of one list, e.g. its order: arrow keys move between them, each a new request. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange }: Props<T>) {
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
          <Radio key={choice.value} value={choice.value} label={choice.label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
