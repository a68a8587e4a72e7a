// One tidings process for the scale test and benchmark: the real runtime (config from the environment,
// store, queue, service) with the test platform's sink added. Usage: node bin/run-ts.js test/scale/entry.ts ROLE
// Besides the usual settings it reads FAKE_PLATFORM_URL and SCALE_OPTIONS (JSON: StartOptions' timings).
import { configFromProcess } from '../../src/config/env';
import type { Role } from '../../src/runtime/queued';
import { type StartOptions, runStart } from '../../src/runtime/start';
import { ChatPostSink } from '../fakes/chat-sink';

const role = (process.argv[2] ?? 'all') as Role;
const options = JSON.parse(process.env.SCALE_OPTIONS ?? '{}') as StartOptions;
const started = await runStart(await configFromProcess(), { ...options, role, sinks: [new ChatPostSink(process.env.FAKE_PLATFORM_URL ?? '')] });
const stop = () => void started.stop();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdout.write(`ready ${role} ${process.pid}\n`);
await started.service.stopped;
process.exit(0);
