/**
 * The container runtime proper: what runc would exec for a container (argv from the
 * image config and the pod spec), the process it becomes (a shell script, a tool such as
 * sleep, or a server program), and how that process meets time, signals, ports and exec.
 */

import { BUSYBOX_TOOLS } from '../../images/base';
import { type Resolved, resolveImage } from '../../images/catalog';
import type { ImageSpec } from '../../images/spec';
import type { FsView } from './fs';
import { imageFileMap } from './imagefs';
import { Collector } from './output';
import { programDef, programKey } from './programs/index';
import { listens, type ProgState, play, releasePorts } from './programs/play';
import type { Plan, PlanCtx } from './programs/types';
import { Interp, newShell, type ShellHost, type ShState } from './shell/interp';
import type { Flavor } from './shell/io';
import type { ExitInfo, LogLine, PodNetwork, ProcessState, SandboxState, StepResult } from './types';

/** Instructions a script may run per step before it yields (a loop without sleep). */
const BUDGET = 1000;
/** How long a busy script waits before its next slice, in sim ms. */
const SLICE_MS = 500;

export interface ProcData {
  /** sh = script, pg = program */
  m: 'sh' | 'pg';
  sh?: ShState;
  pg?: ProgState;
  /** env handed over by `exec` from a script (else ProcessState.env) */
  env?: Record<string, string>;
  /** partial stdout / stderr line */
  po?: string;
  pe?: string;
  /** the exit, once it happened */
  x?: ExitInfo & { at: number };
  /** whiteouts of image files (see fs.ts) */
  wh?: Record<string, 1>;
  /** access-log lines written while serving requests, returned by the next step */
  acc?: LogLine[];
  /** the script is in a loop without sleep (it uses a whole CPU): the end of its time slice */
  busy?: number;
}

export function dataOf(p: ProcessState): ProcData {
  return p.data as unknown as ProcData;
}

const FALLBACK: ImageSpec = {
  repository: 'unknown',
  tags: [],
  layers: [],
  entrypoint: [],
  cmd: [],
  env: {},
  os: 'busybox',
  tools: BUSYBOX_TOOLS,
  description: '',
};

export function specOf(p: ProcessState): { spec: ImageSpec; resolved?: Resolved } {
  const resolved = resolveImage(p.image);
  return { spec: resolved?.spec ?? FALLBACK, resolved };
}

export function flavorOf(spec: ImageSpec): Flavor {
  return spec.os === 'debian' || spec.os === 'ubuntu' ? 'gnu' : 'busybox';
}

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

/** Does the image hold this executable? (a $PATH name, or an absolute path to one) */
const TOOL_SETS = new WeakMap<ImageSpec, Set<string>>();

function toolSet(spec: ImageSpec): Set<string> {
  let set = TOOL_SETS.get(spec);
  if (!set) {
    set = new Set(spec.tools);
    TOOL_SETS.set(spec, set);
  }
  return set;
}

export function hasTool(spec: ImageSpec, name: string): boolean {
  const tools = toolSet(spec);
  if (!name.includes('/') || tools.has(name)) return tools.has(name);
  const i = name.lastIndexOf('/');
  return BIN_DIRS.includes(name.slice(0, i)) && tools.has(name.slice(i + 1));
}

export function fsOf(p: ProcessState, sandbox: SandboxState, spec: ImageSpec): FsView {
  return { p, sandbox, image: imageFileMap(spec) };
}

export function shellHost(
  p: ProcessState,
  sandbox: SandboxState,
  spec: ImageSpec,
  out: Collector,
  net?: PodNetwork,
): ShellHost {
  return {
    net,
    version: spec.version,
    procs: () => [p.argv.join(' ')],
    fs: fsOf(p, sandbox, spec),
    flavor: flavorOf(spec),
    hostname: sandbox.hostname,
    env: p.env,
    hasTool: (n) => hasTool(spec, n),
    isProgram: (n) => programKey(n) !== undefined && hasTool(spec, n),
    write: (fd, text, at) => out.write(fd, text, at),
  };
}

/** sh -c "script" a0 args… → the shell's state; other shells' invocations likewise. */
function shellFor(argv: string[], t: number, cwd: string): ShState {
  const base = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const sh = base === 'bash' ? 'bash' : 'sh';
  const c = argv.indexOf('-c');
  // `sh` with no script reads stdin; a container has none, so it ends at once (status 0)
  const s = newShell(c < 0 ? '' : (argv[c + 1] ?? ''), sh, t, argv[c + 2], argv.slice(c + 3));
  if (cwd !== '/') s.cwd = cwd;
  return s;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function isShell(argv0: string): boolean {
  return ['sh', 'ash', 'dash', 'bash'].includes(argv0.slice(argv0.lastIndexOf('/') + 1));
}

/** A tool run directly (command: [sleep, "3600"]) is a one-command script. */
export function toolScript(argv: string[], t: number, cwd: string): ShState {
  const s = newShell(argv.map(quote).join(' '), 'sh', t);
  if (cwd !== '/') s.cwd = cwd;
  return s;
}

/** Strips the language images' docker-entrypoint.sh (it execs its arguments). */
export function unwrapEntrypoint(argv: string[], spec: ImageSpec): string[] {
  if (
    argv[0] === 'docker-entrypoint.sh' ||
    (argv[0] === '/usr/local/bin/docker-entrypoint.sh' && spec.os !== 'scratch')
  ) {
    return argv.slice(1);
  }
  return argv;
}

export function planCtx(
  p: ProcessState,
  sandbox: SandboxState,
  spec: ImageSpec,
  pg: ProgState,
  env?: Record<string, string>,
): PlanCtx {
  return {
    argv: pg.argv,
    env: env ?? p.env,
    spec,
    p,
    fs: fsOf(p, sandbox, spec),
    hostname: sandbox.hostname,
    podIP: sandbox.podIP,
    startedAt: pg.t0,
  };
}

/**
 * Plans are pure functions of the process, so each is built once and kept beside the
 * process (a probe every few seconds on thousands of pods must not rebuild it). The memo
 * is keyed by the process object and dies with it; a restored snapshot rebuilds it.
 * Once the start-up timeline is played, only the serving half is kept, to stay small.
 */
const PLANS = new WeakMap<ProcessState, { sandbox: SandboxState; pg: ProgState; t0: number; plan: Plan }>();

export function planOf(p: ProcessState, sandbox: SandboxState): { plan: Plan; pg: ProgState } | undefined {
  const d = dataOf(p);
  if (d.m !== 'pg' || !d.pg) return undefined;
  const hit = PLANS.get(p);
  if (hit && hit.sandbox === sandbox && hit.pg === d.pg && hit.t0 === d.pg.t0) {
    if (hit.plan.events.length > 0 && d.pg.i >= hit.plan.events.length && !d.pg.fail && d.pg.term === undefined) {
      // the index stays: past the end of an empty list is still "all played"
      hit.plan = { ...hit.plan, events: [] };
    }
    return { plan: hit.plan, pg: d.pg };
  }
  const def = programDef(d.pg.n);
  if (!def) return undefined;
  const { spec } = specOf(p);
  const plan = def.plan(planCtx(p, sandbox, spec, d.pg, d.env));
  PLANS.set(p, { sandbox, pg: d.pg, t0: d.pg.t0, plan });
  return { plan, pg: d.pg };
}

function finish(p: ProcessState, sandbox: SandboxState, out: Collector, exited: ExitInfo & { at: number }): StepResult {
  out.flush(exited.at);
  releasePorts(sandbox, p.containerName);
  dataOf(p).x = exited;
  return { output: out.lines, exited };
}

function exitOf(code: number, at: number): ExitInfo & { at: number } {
  return { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', at };
}

/** Runs the process up to `now`. */
export function step(
  p: ProcessState,
  sandbox: SandboxState,
  now: number,
  out = new Collector(p),
  net?: PodNetwork,
): StepResult {
  const d = dataOf(p);
  if (d.acc) {
    out.lines.push(...d.acc);
    delete d.acc;
  }
  if (d.x) return { output: out.lines, exited: d.x };
  const { spec } = specOf(p);
  if (d.m === 'sh' && d.sh) {
    const sh = d.sh;
    const interp = new Interp(sh, shellHost(p, sandbox, spec, out, net));
    let outcome = interp.run(now, BUDGET);
    // waiting out its own time slice is still busy; a real sleep is not
    if (outcome.k !== 'yield' && !(outcome.k === 'sleep' && outcome.until === d.busy)) delete d.busy;
    // a step that comes late catches up on the sleeps that ended meanwhile
    for (let i = 0; i < 1000 && outcome.k === 'sleep' && outcome.until <= now; i++) outcome = interp.run(now, BUDGET);
    switch (outcome.k) {
      case 'sleep':
        return { output: out.lines, wakeAt: outcome.until };
      case 'forever':
        return { output: out.lines };
      case 'exit':
        return finish(p, sandbox, out, exitOf(outcome.code, sh.t));
      case 'yield':
        sh.wait = Math.max(sh.t, now) + SLICE_MS;
        d.busy = sh.wait;
        return { output: out.lines, wakeAt: sh.wait };
      case 'exec': {
        const argv = unwrapEntrypoint(outcome.argv, spec);
        const key = programKey(argv[0]);
        if (!key) return finish(p, sandbox, out, exitOf(127, sh.t));
        d.m = 'pg';
        d.pg = { n: key, argv, t0: sh.t, i: 0, k: 0 };
        d.env = outcome.env;
        d.sh = undefined;
        return step(p, sandbox, now, out, net);
      }
    }
  }
  const po = planOf(p, sandbox);
  if (!po) return finish(p, sandbox, out, exitOf(0, now));
  const r = play(po.plan, po.pg, sandbox, p.containerName, p.memoryLimitBytes, now, out.lines);
  if (r.exited) return finish(p, sandbox, out, r.exited);
  return { output: out.lines, wakeAt: r.wakeAt };
}

/** What the container's main process becomes: a script, a tool or a program. */
export function initialData(argv: string[], spec: ImageSpec, t: number, cwd: string): ProcData {
  const unwrapped = unwrapEntrypoint(argv, spec);
  if (unwrapped.length === 0) return { m: 'sh', sh: newShell('', 'sh', t) };
  const key = programKey(unwrapped[0]);
  if (key && (hasTool(spec, unwrapped[0]) || hasTool(spec, argv[0]))) {
    return { m: 'pg', pg: { n: key, argv: unwrapped, t0: t, i: 0, k: 0 } };
  }
  if (isShell(unwrapped[0])) return { m: 'sh', sh: shellFor(unwrapped, t, cwd) };
  return { m: 'sh', sh: toolScript(unwrapped, t, cwd) };
}

export { listens };
