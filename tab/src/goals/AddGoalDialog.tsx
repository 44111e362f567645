import { Button, Dialog, DialogSurface, DialogTrigger, makeStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { AddedGoal, GoalInput } from '../api/goal-types.js';
import { Problem } from '../components/Problem.js';
import type { AddGoalForm as AddGoalFormType } from './AddGoalForm.js';
import { useLazyPart } from '../components/use-lazy-part.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  add: { justifySelf: 'start' },
});

export interface AddGoalDialogProps {
  /** Sends the goal; resolves with it as stored, or throws what went wrong. */
  add: (input: GoalInput) => Promise<AddedGoal>;
  onAdded: (goal: AddedGoal) => void;
}

/**
 * The form loads with the sections' chunk (the goals list has brought it by the time anyone can
 * press Add); the dialog opens once it is here, so it never shows a half-built form.
 */
let loadedForm: typeof AddGoalFormType | undefined;
const loadForm = async () => (loadedForm ??= (await import('../shares/share-sections.js')).AddGoalForm);

/**
 * The Add a goal button and the dialog it opens. Part of the personal page's first view, which
 * carries Fluent's Dialog already; the goals list, in a chunk the team page loads too, renders it
 * without importing it (see lazy-goals.tsx). Focus comes back to the button when it closes.
 */
export function AddGoalDialog({ add, onAdded }: AddGoalDialogProps) {
  const styles = useStyles();
  const { t } = useT();
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const { Part: Form, opening, problem, open: load } = useLazyPart(loadForm, loadedForm, t('entry.openFormFailed'));
  const [focusButtonAfter, setFocusButtonAfter] = useState(0);

  useEffect(() => {
    if (focusButtonAfter > 0) button.current?.focus();
  }, [focusButtonAfter]);

  const openForm = () => load(() => setOpen(true));

  return (
    <>
      <Dialog open={open} onOpenChange={(_, data) => (data.open ? void openForm() : setOpen(false))}>
        <DialogTrigger disableButtonEnhancement>
          <Button ref={button} className={styles.add} disabledFocusable={opening} data-testid="add-goal-button">
            {t('goals.add')}
          </Button>
        </DialogTrigger>
        <DialogSurface aria-labelledby={titleId}>
          {Form && (
            <Form
              add={add}
              onAdded={(goal) => {
                setOpen(false);
                onAdded(goal);
                setFocusButtonAfter((n) => n + 1);
              }}
              onCancel={() => {
                setOpen(false);
                setFocusButtonAfter((n) => n + 1);
              }}
              titleId={titleId}
            />
          )}
        </DialogSurface>
      </Dialog>
      {problem && <Problem message={problem} onRetry={() => void openForm()} />}
    </>
  );
}
