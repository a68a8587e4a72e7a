// Queue mode (REDIS_URL set): the jobs of app/jobs.ts on BullMQ, so one scheduler and any number of workers
// share the work; `--role` picks this process's part. The scheduler's tick is a repeatable job, so it runs once
// per interval however many scheduler processes are up.
import { JOB_DEFAULTS, type JobOptions, type Role, ROLES, runJobs } from '../app/jobs';
import type { Queue } from '../core/ports';
import type { Tidings } from './app';
import type { Service } from './service';
import { HEARTBEAT_DEFAULTS, processHolder, withHeartbeat } from './heartbeat';

export { ROLES, type Role };
export type QueuedOptions = JobOptions;
export const QUEUED_DEFAULTS = JOB_DEFAULTS;

export async function startQueuedService(t: Tidings, queue: Queue, options: QueuedOptions): Promise<Service> {
  // A worker's heartbeat: when it is killed, the others take back its outbox rows within seconds.
  const running =
    options.role === 'scheduler'
      ? await runJobs(queue, t.jobDeps, options)
      : await withHeartbeat(t, processHolder(), HEARTBEAT_DEFAULTS, (holder) => runJobs(queue, t.jobDeps, { ...options, holder }));
  t.log.info({ role: options.role, adapters: [...t.sinks.keys()] }, 'tidings started in queue mode');
  return running;
}
