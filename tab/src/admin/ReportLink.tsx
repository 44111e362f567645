import { Link, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { AdminMeResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

/**
 * L&D admins reach the cross-team report from their own page; nobody else sees the way in. The
 * page keeps the query (a local demo identity, a theme) so the report opens as the same person.
 */
export function ReportLink({ client }: { client: ApiClient }) {
  const { t } = useT();
  const me = useApiData<AdminMeResponse>(client, '/api/v1/admin/me', t('admin.accessFailed'));
  if (!me.data?.isAdmin) return null;
  return (
    <Text as="p" data-testid="report-link">
      <MessageWithElement message={t('reportLink.text')} name="link">
        <Link href={`/admin${window.location.search}`}>{t('reportLink.link')}</Link>
      </MessageWithElement>
    </Text>
  );
}
