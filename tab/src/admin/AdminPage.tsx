import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { AdminMeResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { PageLayout } from '../components/PageLayout.js';
import { Problem } from '../components/Problem.js';
import { PAGE_TITLES } from '../routes.js';
import { AccountabilityReport } from './AccountabilityReport.js';
import { LazyLrsSection } from './LazyLrsSection.js';

/** The L&D admin's page: the cross-team report and where xAPI statements go, or a plain word for anyone else who lands here. */
export function AdminPage({ client, locale }: { client: ApiClient; locale: string }) {
  const me = useApiData<AdminMeResponse>(client, '/api/v1/admin/me', "Couldn't check your access to the report");
  return (
    <PageLayout title={PAGE_TITLES.admin} testId="admin-report" wide>
      {me.loading && !me.data && <Spinner label="Checking your access…" />}
      {me.error && <Problem message={me.error} onRetry={me.reload} />}
      {me.data?.isAdmin === false && (
        <MessageBar intent="info" layout="multiline" data-testid="not-admin">
          <MessageBarBody>
            This report is for your organisation’s learning and development (L&amp;D) admins. An L&amp;D admin can add you, or your IT
            admin can name you in the app’s settings.
          </MessageBarBody>
        </MessageBar>
      )}
      {me.data?.isAdmin && (
        <>
          <AccountabilityReport client={client} locale={locale} />
          <LazyLrsSection client={client} locale={locale} />
        </>
      )}
    </PageLayout>
  );
}
