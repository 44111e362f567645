import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Pages of the single-page tab; each is served index.html and routed in the browser (tab/src/routes.ts). */
export const TAB_PAGES = ['/', '/personal', '/team', '/configure', '/admin', '/teams/:teamId/members/:userId'] as const;

export function staticTab(distDir: string | undefined): Router {
  const router = Router();
  const indexFile = distDir ? path.join(distDir, 'index.html') : undefined;
  if (!distDir || !indexFile || !existsSync(indexFile)) {
    router.get([...TAB_PAGES], (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The tab has not been built. Run "npm run build" (npm start does this for you), then reload.');
    });
    return router;
  }
  router.use(express.static(distDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  router.get([...TAB_PAGES], (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return router;
}

function noCacheForHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.set('Cache-Control', 'no-cache');
}
