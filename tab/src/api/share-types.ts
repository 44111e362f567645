import type { ResourceScope, ShareSort } from '../../../bot/contract/api.js';
import type { MessageKey } from '../i18n/catalog.js';

export type {
  MyShareVote,
  MyShareVoteUpdate,
  ResourceScope,
  ResourceView,
  SavedShareView,
  SavedSharesResponse,
  ShareSort,
  ShareView,
  SharesResponse,
  TopResourcesResponse,
} from '../../../bot/contract/api.js';

/**
 * The feed's orders and the resources' scopes the service offers, with the words the tab shows
 * for them (checked against the contract in a test, as the dashboard's periods are).
 */
export const SHARE_SORT_CHOICES: readonly { value: ShareSort; label: MessageKey }[] = [
  { value: 'newest', label: 'shares.newest' },
  { value: 'helpful', label: 'shares.mostHelpful' },
];
export const DEFAULT_SHARE_SORT: ShareSort = 'newest';

export const RESOURCE_SCOPE_CHOICES: readonly { value: ResourceScope; label: MessageKey }[] = [
  { value: 'team', label: 'topResources.thisTeam' },
  { value: 'organisation', label: 'topResources.organisation' },
];
export const DEFAULT_RESOURCE_SCOPE: ResourceScope = 'team';
