import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectHost } from './host/detect-host.js';

const root = createRoot(document.getElementById('root')!);
void detectHost().then((host) => {
  document.documentElement.lang = host.locale;
  root.render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
