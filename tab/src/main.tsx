import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appLocaleOf } from '../../bot/contract/i18n/locales.js';
import { App } from './App.js';
import { detectHost } from './host/detect-host.js';
import { loadCatalog } from './i18n/catalog.js';
import { preloadPage } from './pages/PageForHost.js';
import { pageFromPath } from './routes.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
// The page's code loads alongside finding the host, its language and (locally) the identity, not after them.
preloadPage(pageFromPath(window.location.pathname));

void detectHost().then(async (host) => {
  // The language's messages arrive before the first render, so nobody sees English flash into Arabic.
  const catalog = await loadCatalog(appLocaleOf(host.locale)).catch(() => ({}));
  root.render(
    <StrictMode>
      <App host={host} catalog={catalog} />
    </StrictMode>,
  );
});
