// One tidings process for the scale test and benchmark: the real runtime (config from the environment,
// store, queue, service) with the test platform's sink added. Usage: node bin/run-ts.js test/scale/entry.ts ROLE
// Besides the usual settings it reads FAKE_PLATFORM_URL and SCALE_OPTIONS (JSON: StartOptions' timings).
import { configFromProcess } from '../../src/config/env';
import type { Role } from '../../src/runtime/queued';
import { type StartOptions, runStart } from '../../src/runtime/start';
import { FAKE_PLATFORM, HttpPostSink } from '../fakes/http-sink';

// Shorter than the scale test's 10 s lease, long enough to outlast the platform's brief freeze.
const SEND_TIMEOUT_MS = 8_000;
const role = (process.argv[2] ?? 'all') as Role;
const options = JSON.parse(process.env.SCALE_OPTIONS ?? '{}') as StartOptions;
const started = await runStart(await configFromProcess(), { ...options, role, sinks: [new HttpPostSink(FAKE_PLATFORM, process.env.FAKE_PLATFORM_URL ?? '', SEND_TIMEOUT_MS)] });
const stop = () => void started.stop();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdout.write(`ready ${role} ${process.pid}\n`);
await started.service.stopped;
process.exit(0);
