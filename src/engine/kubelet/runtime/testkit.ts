/** Helpers for the runtime's own tests: start a container of a catalog image and drive it. */
import { lookupImage } from '../../images/catalog';
import { runtime } from './runtime';
import type { LogLine, MountState, ProcessState, SandboxState, StepResult } from './types';

export function sandbox(hostname = 'demo'): SandboxState {
  return { podIP: '10.244.1.5', hostname, volumes: {}, listening: {} };
}

export interface Run {
  p: ProcessState;
  sb: SandboxState;
  log: LogLine[];
  last: StepResult;
  /** steps at every wakeAt up to `until` and returns the final result */
  advance(until: number): StepResult;
  text(): string;
}

export function start(
  image: string,
  opts: {
    command?: string[];
    args?: string[];
    env?: Record<string, string>;
    mounts?: MountState[];
    memoryLimitBytes?: number;
    sb?: SandboxState;
    name?: string;
    now?: number;
  } = {},
): Run {
  const info = lookupImage(image);
  if (!info) throw new Error(`no image ${image}`);
  const sb = opts.sb ?? sandbox();
  const { process, result } = runtime.startProcess(
    {
      image: info,
      containerName: opts.name ?? 'main',
      command: opts.command,
      args: opts.args,
      env: opts.env ?? {},
      mounts: opts.mounts ?? [],
      memoryLimitBytes: opts.memoryLimitBytes,
      now: opts.now ?? 0,
    },
    sb,
  );
  const run: Run = {
    p: process,
    sb,
    log: [...result.output],
    last: result,
    advance(until) {
      let guard = 0;
      while (!run.last.exited && run.last.wakeAt !== undefined && run.last.wakeAt <= until && guard++ < 100000) {
        run.last = runtime.stepProcess(run.p, sb, run.last.wakeAt);
        run.log.push(...run.last.output);
      }
      if (!run.last.exited) {
        run.last = runtime.stepProcess(run.p, sb, until);
        run.log.push(...run.last.output);
      }
      return run.last;
    },
    text: () => run.log.map((l) => l.text).join('\n'),
  };
  return run;
}
