import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { useFileDownload } from '../components/use-file-download.js';
import { useDialogButton } from '../components/use-dialog-button.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { EraseMyDataDialog } from './EraseMyDataDialog.js';
import { MY_DATA_CSV_PATH, MY_DATA_JSON_PATH, myDataFileName } from './my-data-paths.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  erased: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

type Kind = 'json' | 'csv';

const FILES: Record<Kind, { path: string; type: string; failed: MessageKey; saved: MessageKey }> = {
  json: { path: MY_DATA_JSON_PATH, type: 'application/json', failed: 'myData.jsonFailed', saved: 'myData.jsonSaved' },
  csv: { path: MY_DATA_CSV_PATH, type: 'text/csv;charset=utf-8', failed: 'myData.csvFailed', saved: 'myData.csvSaved' },
};

/** The end of the personal page: take a copy of everything, or erase it all. */
export function MyData({ client, heading }: { client: ApiClient; heading: SectionHeading }) {
  const styles = useStyles();
  const { t } = useT();
  const { busy, status, problem, download: save } = useFileDownload<Kind>();
  const [erased, setErased] = useState(false);
  const dialog = useDialogButton();

  useEffect(() => {
    // The button that opened the dialog is gone with everything else: focus lands on the section.
    if (erased) heading.ref.current?.focus();
  }, [erased, heading.ref]);

  const download = (kind: Kind) =>
    save(kind, {
      ...FILES[kind],
      failed: t(FILES[kind].failed),
      saved: t(FILES[kind].saved),
      fetchText: () => client.getText(FILES[kind].path),
      fileName: myDataFileName(kind, new Date()),
    });

  if (erased) {
    return (
      <div className={styles.erased} role="status" data-testid="my-data-erased">
        <Text as="p" weight="semibold" className={styles.text}>
          {t('myData.erased')}
        </Text>
        <Text as="p" className={styles.text}>
          {t('myData.erasedAfter')}
        </Text>
        <Button onClick={() => window.location.reload()}>{t('myData.reload')}</Button>
      </div>
    );
  }

  return (
    <>
      <Text as="p" className={styles.text}>
        {t('myData.intro')}
      </Text>
      <div className={styles.actions}>
        <Button disabledFocusable={busy !== null} onClick={() => void download('json')}>
          {busy === 'json' ? t('myData.downloading') : t('myData.downloadJson')}
        </Button>
        <Button disabledFocusable={busy !== null} onClick={() => void download('csv')}>
          {busy === 'csv' ? t('myData.downloading') : t('myData.downloadCsv')}
        </Button>
        <Button ref={dialog.button} data-testid="erase-my-data" onClick={dialog.show}>
          {t('myData.erase')}
        </Button>
      </div>
      <Text as="p" role="status" className={styles.text} data-testid="my-data-status">
        {status}
      </Text>
      {problem && <Problem message={problem.message} onRetry={problem.retry} />}
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
