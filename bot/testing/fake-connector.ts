import type { AddressInfo } from 'node:net';
import express from 'express';

export interface SentActivity {
  conversationId: string;
  activity: { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };
}

/** A local stand-in for the Bot Connector service: records what the bot sends. */
export async function startFakeConnector(): Promise<{ serviceUrl: string; sent: SentActivity[]; stop(): Promise<void> }> {
  const sent: SentActivity[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  const record = (req: express.Request, res: express.Response) => {
    sent.push({ conversationId: String(req.params.conversationId), activity: req.body });
    res.status(200).json({ id: `activity-${sent.length}` });
  };
  app.post('/v3/conversations/:conversationId/activities', record);
  app.post('/v3/conversations/:conversationId/activities/:activityId', record);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
