// A worker thread's loop: one task at a time from the pool, its answer (or its error's message) back.
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './tasks';

interface Request {
  id: number;
  task: TaskName;
  input: unknown;
}

parentPort?.on('message', (req: Request) => {
  try {
    const value = (TASKS[req.task] as (input: unknown) => unknown)(req.input);
    parentPort?.postMessage({ id: req.id, ok: true, value });
  } catch (err) {
    parentPort?.postMessage({ id: req.id, ok: false, message: (err as Error)?.message ?? String(err) });
  }
});
parentPort?.postMessage({ ready: true });
