import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectHost } from './host/detect-host.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

void detectHost().then((host) => {
  document.documentElement.lang = host.locale;
  root.render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
