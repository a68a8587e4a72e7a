// The worker pool as the doors the app and the web source use: summarizing (TextWork) and page reading.
import { type Result, TidingsError } from '../../core/errors';
import type { TextWork } from '../../core/ports';
import type { ReadPage } from '../../sources/web';
import type { WorkerPool } from './pool';

export { createWorkerPool, POOL_DEFAULTS, TaskFailed, type PoolOptions, type WorkerPool } from './pool';

export function poolTextWork(pool: WorkerPool): TextWork {
  return {
    article: (text, title) => pool.run('article', { text, title }),
    summarize: (text, options = {}) => pool.run('summarize', { text, options }),
  };
}

export function poolReadPage(pool: WorkerPool): ReadPage {
  return async (html, url) => {
    const read = await pool.run('readPage', { html, url });
    return read.ok ? read : ({ ok: false, error: new TidingsError(read.code, read.message) } satisfies Result<never>);
  };
}
