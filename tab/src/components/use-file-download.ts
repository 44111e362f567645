import { useState } from 'react';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { saveFile } from './save-file.js';

/** One file a button downloads: where the text comes from and how it is saved. */
export interface FileSpec {
  fetchText: () => Promise<string>;
  fileName: string;
  /** The MIME type; a CSV gets a byte-order mark so spreadsheet programs read it as UTF-8. */
  type: string;
  /** What to say when it fails: "Couldn't download your entries". */
  failed: string;
  /** What the status line says once saved. */
  saved: string;
}

/**
 * A row of download buttons: one at a time, the one busy named by its key, a status line when a
 * file is saved and the problem (with a retry of that same file) when it is not.
 */
export function useFileDownload<K extends string>() {
  const i18n = useT();
  const [busy, setBusy] = useState<K | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ message: string; retry: () => void } | undefined>(undefined);

  const download = async (key: K, file: FileSpec): Promise<void> => {
    if (busy) return;
    setBusy(key);
    setProblem(undefined);
    setStatus('');
    try {
      const text = await file.fetchText();
      saveFile(file.type.startsWith('text/csv') ? ['\uFEFF', text] : [text], file.fileName, file.type);
      setStatus(file.saved);
    } catch (error) {
      setProblem({ message: failureMessage(i18n, file.failed, error), retry: () => void download(key, file) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, status, problem, download };
}
