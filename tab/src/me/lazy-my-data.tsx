import { useEffect, useRef } from 'react';
import { MY_DATA_SECTION_ID } from '../../../bot/contract/my-data-section.js';
import type { ApiClient } from '../api/api-client.js';
import { lazySection } from '../shares/lazy-section.js';

// The body and its dialog are a chunk of their own, loaded once the page is up: the first view carries the heading and the loader.
const LazyMyDataSection = lazySection<{ client: ApiClient }>({
  load: () => import('./MyData.js').then((m) => ({ default: m.MyData })),
  title: 'myData.title',
  testId: 'my-data',
  loadingLabel: 'common.loading',
  failure: 'section.failed',
});

/** "Your data", last on the personal page; "export my data" in chat links here (`#your-data`). */
export function LazyMyData({ client }: { client: ApiClient }) {
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The page is drawn after the browser looked for the link's fragment: look again once it is there.
    if (window.location.hash === `#${MY_DATA_SECTION_ID}`) anchor.current?.scrollIntoView?.();
  }, []);
  return (
    <div id={MY_DATA_SECTION_ID} ref={anchor}>
      <LazyMyDataSection client={client} />
    </div>
  );
}
