import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { ReportPage } from '../api/report-types.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

/** A table's rows: the first page as the report brought it, more appended on asking. */
export function useMoreRows<T>(client: ApiClient, first: ReportPage<T>, pathOf: (cursor: string) => string) {
  const i18n = useT();
  const [state, setState] = useState<{ rows: T[]; next: string | null; loading: boolean; error?: string }>({
    rows: first.rows,
    next: first.nextCursor,
    loading: false,
  });
  const more = () => {
    const cursor = state.next;
    if (!cursor || state.loading) return;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    client.get<ReportPage<T>>(pathOf(cursor)).then(
      (page) => setState((s) => ({ rows: [...s.rows, ...page.rows], next: page.nextCursor, loading: false })),
      (error: unknown) => setState((s) => ({ ...s, loading: false, error: failureMessage(i18n, i18n.t('report.moreFailed'), error) })),
    );
  };
  return { rows: state.rows, hasMore: state.next !== null, loading: state.loading, error: state.error, more };
}
