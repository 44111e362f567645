import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { describeFailure, type ApiClient } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { saveFile } from '../components/save-file.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { EraseMyDataDialog } from './EraseMyDataDialog.js';
import { MY_DATA_CSV_PATH, MY_DATA_JSON_PATH, myDataFileName } from './my-data-paths.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  erased: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

type Kind = 'json' | 'csv';

const FILES: Record<Kind, { path: string; type: string; what: string; saved: string }> = {
  json: { path: MY_DATA_JSON_PATH, type: 'application/json', what: 'download your data', saved: 'Downloaded all your data as JSON.' },
  csv: { path: MY_DATA_CSV_PATH, type: 'text/csv;charset=utf-8', what: 'download your entries', saved: 'Downloaded your learning entries as CSV.' },
};

/** The end of the personal page: take a copy of everything, or erase it all. */
export function MyData({ client, heading }: { client: ApiClient; heading: SectionHeading }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ message: string; kind: Kind } | undefined>(undefined);
  const [erased, setErased] = useState(false);
  const dialog = useDialogButton();

  useEffect(() => {
    // The button that opened the dialog is gone with everything else: focus lands on the section.
    if (erased) heading.ref.current?.focus();
  }, [erased, heading.ref]);

  const download = async (kind: Kind) => {
    if (busy) return;
    setBusy(kind);
    setProblem(undefined);
    setStatus('');
    try {
      const text = await client.getText(FILES[kind].path);
      // A byte-order mark, so spreadsheet programs read the CSV as UTF-8.
      saveFile(kind === 'csv' ? ['\uFEFF', text] : [text], myDataFileName(kind, new Date()), FILES[kind].type);
      setStatus(FILES[kind].saved);
    } catch (error) {
      setProblem({ message: describeFailure(FILES[kind].what, error), kind });
    } finally {
      setBusy(null);
    }
  };

  if (erased) {
    return (
      <div className={styles.erased} role="status" data-testid="my-data-erased">
        <Text as="p" weight="semibold" className={styles.text}>
          Everything Learning Loop held of yours was erased.
        </Text>
        <Text as="p" className={styles.text}>
          What this page loaded before still shows until you reload it. If you chat with Learning Loop again, or stay in a team that uses it, it
          starts a new, empty record.
        </Text>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </div>
    );
  }

  return (
    <>
      <Text as="p" className={styles.text}>
        Take a copy of everything Learning Loop holds of yours — your log, check-ins, goals, shares, saved list, nudges and coaching — or erase all of
        it.
      </Text>
      <div className={styles.actions}>
        <Button disabledFocusable={busy !== null} onClick={() => void download('json')}>
          {busy === 'json' ? 'Downloading…' : 'Download JSON'}
        </Button>
        <Button disabledFocusable={busy !== null} onClick={() => void download('csv')}>
          {busy === 'csv' ? 'Downloading…' : 'Download CSV'}
        </Button>
        <Button ref={dialog.button} data-testid="erase-my-data" onClick={dialog.show}>
          Erase my data…
        </Button>
      </div>
      <Text as="p" role="status" className={styles.text} data-testid="my-data-status">
        {status}
      </Text>
      {problem && <Problem message={problem.message} onRetry={() => void download(problem.kind)} />}
      {dialog.open && (
        <EraseMyDataDialog
          client={client}
          onClose={(done) => {
            dialog.close();
            if (done) setErased(true);
          }}
        />
      )}
    </>
  );
}
