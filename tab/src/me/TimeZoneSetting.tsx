import { Button, Combobox, Field, makeStyles, tokens, useComboboxFilter, type ComboboxProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { detailFor } from '../api/error-details.js';
import { Problem } from '../components/Problem.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { matchesZoneQuery, timeZoneOptions } from './time-zones.js';
import type { UseMySettings } from './use-my-settings.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
  field: { width: '100%' },
  combobox: { width: '100%' },
});

interface Props {
  /** The zone the learner chose; null when they chose none (the zone Teams reports, else the team's). */
  saved: string | null;
  save: UseMySettings['save'];
  announce: (message: string) => void;
}

/** Which zone's clock the learner's check-ins follow, chosen from the zones the browser knows. */
export function TimeZoneSetting({ saved, save, announce }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const automatic = t('settings.zoneAutomatic');
  const options = useMemo(() => timeZoneOptions(saved, new Date(), undefined, automatic), [saved, automatic]);
  const labelOf = (value: string) => options.find((o) => o.value === value)?.label ?? value;
  const [selected, setSelected] = useState(saved ?? '');
  // What the learner is typing to search; null while they are not, when the box shows the choice.
  const [query, setQuery] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const children = useComboboxFilter(
    query ?? '',
    options.map((o) => ({ value: o.value, children: o.label })),
    {
      noOptionsMessage: t('settings.zoneNoMatch'),
      optionToText: (o) => (typeof o.children === 'string' ? o.children : o.value),
      filter: (text, q) => matchesZoneQuery(text, q),
    },
  );

  const onOptionSelect: ComboboxProps['onOptionSelect'] = (_, data) => {
    if (data.optionValue === undefined) return;
    setSelected(data.optionValue);
    setQuery(null);
    setFieldError(undefined);
  };

  const unchanged = selected === (saved ?? '');
  const submit = () => {
    if (saving || unchanged) return;
    const timeZone = selected === '' ? null : selected;
    setSaving(true);
    setFieldError(undefined);
    setProblem(undefined);
    announce('');
    save({ timeZone }).then(
      (settings) => {
        setSaving(false);
        announce(settings.timeZone ? t('settings.zoneSaved', { zone: settings.timeZone }) : t('settings.zoneSavedAutomatic'));
      },
      (error: unknown) => {
        setSaving(false);
        const detail = detailFor(error, 'timeZone');
        if (detail) setFieldError(detail);
        else setProblem(failureMessage(i18n, t('settings.zoneSaveFailed'), error));
      },
    );
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field
        className={styles.field}
        label={t('settings.zoneLabel')}
        hint={t('settings.zoneHint')}
        validationState={fieldError ? 'error' : 'none'}
        validationMessage={fieldError}
      >
        <Combobox
          className={styles.combobox}
          value={query ?? labelOf(selected)}
          selectedOptions={[selected]}
          onOptionSelect={onOptionSelect}
          onChange={(event) => setQuery(event.target.value)}
          onOpenChange={(_, data) => data.open || setQuery(null)}
          placeholder={automatic}
        >
          {children}
        </Combobox>
      </Field>
      {/* Focusable even when there is nothing to save, so focus stays put after a save. */}
      <Button type="submit" appearance="primary" disabledFocusable={saving || unchanged}>
        {saving ? t('settings.zoneSaving') : t('settings.zoneSave')}
      </Button>
      {problem && <Problem message={problem} onRetry={submit} />}
    </form>
  );
}
