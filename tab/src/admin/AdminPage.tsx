import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { AdminMeResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { PageLayout } from '../components/PageLayout.js';
import { Problem } from '../components/Problem.js';
import { AdminMessages } from '../i18n/admin-messages.js';
import { useT } from '../i18n/i18n-context.js';
import { AccountabilityReport } from './AccountabilityReport.js';
import { LazyLdSettingsSection } from './LazyLdSettingsSection.js';
import { LazyLrsSection } from './LazyLrsSection.js';
import { LazyAuditSection } from './LazyAuditSection.js';

type Props = { client: ApiClient; locale: string };

/** The learning report, with the English only its parts use (see AdminMessages). */
export function AdminPage(props: Props) {
  return (
    <AdminMessages>
      <AdminPageContent {...props} />
    </AdminMessages>
  );
}

/** The L&D admin's page: the cross-team report, what L&D asks of leaders, where xAPI statements go and the audit trail, or a plain word for anyone else who lands here. */
function AdminPageContent({ client, locale }: Props) {
  const { t } = useT();
  const me = useApiData<AdminMeResponse>(client, '/api/v1/admin/me', t('admin.accessFailed'));
  return (
    <PageLayout title={t('page.admin')} testId="admin-report" wide>
      {me.loading && !me.data && <Spinner label={t('admin.checking')} />}
      {me.error && <Problem message={me.error} onRetry={me.reload} />}
      {me.data?.isAdmin === false && (
        <MessageBar intent="info" layout="multiline" data-testid="not-admin">
          <MessageBarBody>{t('admin.notAdmin')}</MessageBarBody>
        </MessageBar>
      )}
      {me.data?.isAdmin && (
        <>
          <AccountabilityReport client={client} locale={locale} />
          <LazyLdSettingsSection client={client} locale={locale} />
          <LazyLrsSection client={client} locale={locale} />
          <LazyAuditSection client={client} locale={locale} />
        </>
      )}
    </PageLayout>
  );
}
