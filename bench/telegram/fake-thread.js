// Starts the fake Bot API in a worker thread (TypeScript through tsx), so the server's work does not share
// the event loop of the sender being measured — as with the real, remote Bot API.
import { register } from 'tsx/esm/api';

register();
await import('./fake-thread-main.ts');
