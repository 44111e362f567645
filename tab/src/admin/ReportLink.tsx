import { Link, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import type { AdminMeResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';

/**
 * L&D admins reach the cross-team report from their own page; nobody else sees the way in. The
 * page keeps the query (a local demo identity, a theme) so the report opens as the same person.
 */
export function ReportLink({ client }: { client: ApiClient }) {
  const me = useApiData<AdminMeResponse>(client, '/api/v1/admin/me', "Couldn't check your access to the report");
  if (!me.data?.isAdmin) return null;
  return (
    <Text as="p" data-testid="report-link">
      As an L&amp;D admin you can <Link href={`/admin${window.location.search}`}>open the learning report across all teams</Link>.
    </Text>
  );
}
