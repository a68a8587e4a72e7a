// The worker side of fake-thread.js: a FakeBotApi with the chats it is asked for, answering for its figures.
import { parentPort, workerData } from 'node:worker_threads';
import { FakeBotApi } from '../../test/fakes/telegram/server';

const { token, rate, chats } = workerData as { token: string; rate: number; chats: { id: number; type: 'private' | 'supergroup' }[] };
const api = await FakeBotApi.start(token, { globalPerSecond: rate, perChatPerSecond: 1, perGroupPerMinute: 20 });
for (const c of chats) api.addChat({ ...c, title: `chat ${c.id}` });

// The listener returns nothing: closing the server is awaited in a chain whose failure is reported, not lost.
parentPort!.on('message', (msg: string) => {
  if (msg !== 'report') return;
  parentPort!.postMessage({
    sentChats: api.sent.map((m) => m.chat_id),
    arrivals: api.sent.map((m) => m.at),
    tooManyRequests: api.counts.tooManyRequests,
    parseErrors: api.counts.parseErrors,
    tooLong: api.counts.tooLong,
  });
  api.close().catch((err: unknown) => console.error('closing the fake Bot API failed', err));
});
parentPort!.postMessage({ url: api.url });
