/** The 1:1 list as the API answers it (bot/contract/one-to-one.ts), types only. */
export type {
  MyOneToOnesResponse,
  OneToOneItem,
  OneToOneItemResponse,
  OneToOneListResponse,
  OneToOneListView,
} from '../../../bot/contract/one-to-one.js';

/** The service's limit, repeated (and checked against it in a test) so the tab does not ship its validator. */
export const ONE_TO_ONE_TOPIC_MAX = 280;
/** How far back the ticked-off items go, repeated like the limit above. */
export const ONE_TO_ONE_TICKED_DAYS = 90;
