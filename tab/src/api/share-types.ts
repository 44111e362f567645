import type { ResourceScope, ShareSort } from '../../../bot/http/api-contract.js';

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
} from '../../../bot/http/api-contract.js';

/**
 * The feed's orders and the resources' scopes the service offers, with the words the tab shows
 * for them (checked against the contract in a test, as the dashboard's periods are).
 */
export const SHARE_SORT_CHOICES: readonly { value: ShareSort; label: string }[] = [
  { value: 'newest', label: 'Newest' },
  { value: 'helpful', label: 'Most helpful' },
];
export const DEFAULT_SHARE_SORT: ShareSort = 'newest';

export const RESOURCE_SCOPE_CHOICES: readonly { value: ResourceScope; label: string }[] = [
  { value: 'team', label: 'This team' },
  { value: 'organisation', label: 'Whole organisation' },
];
export const DEFAULT_RESOURCE_SCOPE: ResourceScope = 'team';
