// The worker's entry when Tidings runs from its TypeScript sources (tsx, vitest): a thread inherits no
// loader, so it registers tsx before importing the real entry (workerData.entry). Compiled, workers start
// from worker.js directly and this file is not used.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
