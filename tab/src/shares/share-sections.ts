// The bodies of the shares' sections, as one chunk loaded after a page's first view. One chunk
// rather than three: each lazy entry that shares Fluent's parts with the pages splits those parts
// into more, smaller chunks, and the pages' first views pay for every split.
export { SavedList } from './SavedList.js';
export { SharesFeed } from './SharesFeed.js';
export { TopResources } from './TopResources.js';
