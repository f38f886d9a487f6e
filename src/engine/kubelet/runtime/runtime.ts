/**
 * The ContainerRuntime the kubelet drives: start, step, signal, HTTP/TCP and exec.
 * argv follows the OCI image spec as containerd applies it: `command` replaces the
 * ENTRYPOINT (and drops CMD), `args` replaces CMD.
 */
import { Collector } from './output';
import {
  dataOf,
  flavorOf,
  hasTool,
  initialData,
  isShell,
  planCtx,
  planOf,
  shellHost,
  specOf,
  step,
  toolScript,
  unwrapEntrypoint,
} from './process';
import { programDef, programKey } from './programs/index';
import { listens, play } from './programs/play';
import { Interp, newShell } from './shell/interp';
import type {
  ConnectError,
  ContainerRuntime,
  ExecOutput,
  HttpClient,
  HttpResponse,
  PodNetwork,
  ProcessState,
  SandboxState,
  StartRequest,
  StepResult,
} from './types';

export function resolveArgv(entrypoint: string[], cmd: string[], command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  return [...entrypoint, ...(args && args.length > 0 ? args : cmd)];
}

/** PATH, HOSTNAME, the image's ENV, the container's env, HOME: the order `env` shows in a pod. */
export function containerEnv(
  imageEnv: Record<string, string>,
  podEnv: Record<string, string>,
  hostname: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  env.PATH = imageEnv.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  env.HOSTNAME = hostname;
  for (const [k, v] of Object.entries(imageEnv)) if (k !== 'PATH') env[k] = v;
  for (const [k, v] of Object.entries(podEnv)) env[k] = v;
  if (env.HOME === undefined) env.HOME = '/root';
  return env;
}

/** runc's error when the executable is not in the image, as containerd reports it. */
export function execNotFound(argv0: string): string {
  return argv0.includes('/')
    ? `exec: "${argv0}": stat ${argv0}: no such file or directory`
    : `exec: "${argv0}": executable file not found in $PATH`;
}

function startProcess(req: StartRequest, sandbox: SandboxState): { process: ProcessState; result: StepResult } {
  const argv = resolveArgv(req.image.entrypoint, req.image.cmd, req.command, req.args);
  const process: ProcessState = {
    containerName: req.containerName,
    image: req.image.ref,
    argv,
    env: containerEnv(req.image.env, req.env, sandbox.hostname),
    rootfs: {},
    mounts: req.mounts,
    startedAt: req.now,
    data: {},
  };
  if (req.memoryLimitBytes !== undefined) process.memoryLimitBytes = req.memoryLimitBytes;
  const { spec } = specOf(process);
  const fail = (message: string) => {
    const exited = { exitCode: 128, reason: 'StartError' as const, message, at: req.now };
    process.data = { m: 'sh', x: exited };
    return { process, result: { output: [], exited } };
  };
  if (argv.length === 0)
    return fail(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown',
    );
  if (!hasTool(spec, argv[0])) {
    return fail(
      `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${execNotFound(argv[0])}: unknown`,
    );
  }
  process.data = initialData(argv, spec, req.now, req.image.workingDir || '/') as unknown as Record<string, unknown>;
  return { process, result: step(process, sandbox, req.now) };
}

function signalProcess(p: ProcessState, sandbox: SandboxState, signal: 'SIGTERM' | 'SIGKILL', now: number): StepResult {
  const out = new Collector(p);
  const before = step(p, sandbox, now, out);
  if (before.exited) return before;
  const d = dataOf(p);
  if (signal === 'SIGKILL') {
    const exited = { exitCode: 137, reason: 'Error' as const, signal: 9, at: now };
    out.flush(now);
    for (const [k, v] of Object.entries(sandbox.listening)) if (v === p.containerName) delete sandbox.listening[k];
    d.x = exited;
    return { output: out.lines, exited };
  }
  if (d.m === 'sh' && d.sh) {
    const trap = d.sh.traps?.TERM;
    // PID 1 gets no default signal action from the kernel: without a trap, SIGTERM does nothing
    if (trap === undefined) return before;
    const { spec } = specOf(p);
    const r = new Interp(d.sh, shellHost(p, sandbox, spec, out), true).subshell(trap, [], false);
    if (r.exited) {
      const exited = {
        exitCode: r.status,
        reason: r.status === 0 ? ('Completed' as const) : ('Error' as const),
        at: now,
      };
      out.flush(now);
      d.x = exited;
      return { output: out.lines, exited };
    }
    return { output: out.lines, wakeAt: before.wakeAt };
  }
  const po = planOf(p, sandbox);
  if (!po?.plan.onTerm) return before;
  po.pg.term = now;
  po.pg.i = 0;
  return step(p, sandbox, now, out);
}

/** Access-log lines waiting for the next step, at most this many (a probe every second adds up). */
const MAX_PENDING = 50;

function httpRequest(
  p: ProcessState,
  sandbox: SandboxState,
  port: number,
  path: string,
  now: number,
  client?: HttpClient,
): HttpResponse | ConnectError {
  const po = planOf(p, sandbox);
  if (dataOf(p).x || !po || !listens(po.pg, sandbox, p.containerName, port)) return 'connection refused';
  if (!po.plan.http) return { status: 0, body: '' };
  const full = path.startsWith('/') ? path : `/${path}`;
  const res = po.plan.http(port, full, now);
  if (client && po.plan.accessLog) {
    const d = dataOf(p);
    const entry = po.plan.accessLog({
      ip: client.ip,
      userAgent: client.userAgent ?? '-',
      path: full,
      status: res.status,
      bytes: res.body.length,
      at: now,
    });
    d.acc = [...(d.acc ?? []).slice(-(MAX_PENDING - 1)), entry];
  }
  return res;
}

function tcpConnect(p: ProcessState, sandbox: SandboxState, port: number): boolean {
  const po = planOf(p, sandbox);
  return !dataOf(p).x && po !== undefined && listens(po.pg, sandbox, p.containerName, port);
}

/** A program run by exec: nginx -s quit asks the container's nginx to stop. */
function runProgramExec(p: ProcessState, sandbox: SandboxState, argv: string[], now: number): ExecOutput | undefined {
  const key = programKey(argv[0]);
  const def = key ? programDef(key) : undefined;
  if (!key || !def?.exec) return undefined;
  const { spec } = specOf(p);
  const r = def.exec(argv, planCtx(p, sandbox, spec, { n: key, argv, t0: now, i: 0, k: 0 }));
  if (!r) return undefined;
  const d = dataOf(p);
  if (r.quit && d.m === 'pg' && d.pg && d.pg.n === key && d.pg.quit === undefined) d.pg.quit = now;
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/**
 * `kill 1` from inside the container. The kernel delivers a signal to a namespace's
 * init only if init handles it, so SIGKILL and an unhandled SIGTERM do nothing; a
 * server that handles TERM/INT/QUIT shuts down (at the next step).
 */
function signalMainFromInside(p: ProcessState, sandbox: SandboxState, signal: string, now: number): void {
  if (signal === 'KILL' || !['TERM', 'INT', 'QUIT'].includes(signal)) return;
  // (a script's own traps are not run from here: only servers react)
  const po = planOf(p, sandbox);
  if (po?.plan.onTerm && po.pg.quit === undefined && po.pg.term === undefined) po.pg.quit = now;
}

/** Is the container's main process the program `name`, and still running? */
function isRunning(p: ProcessState, name: string): boolean {
  const d = dataOf(p);
  if (d.x || d.m !== 'pg' || !d.pg) return false;
  const argv0 = d.pg.argv[0] ?? '';
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  return (base === name || d.pg.n === name) && d.pg.quit === undefined && d.pg.term === undefined;
}

/** kubectl exec / exec probes: runs to completion at once, sharing the container's files. */
function execInContainer(
  p: ProcessState,
  sandbox: SandboxState,
  argv: string[],
  now: number,
  net?: PodNetwork,
): ExecOutput {
  // containerd refuses an exec into a container whose process has ended
  if (dataOf(p).x) return { stdout: '', stderr: 'container not running', exitCode: 126 };
  const { spec } = specOf(p);
  if (argv.length === 0)
    return {
      stdout: '',
      stderr:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: no command specified: unknown',
      exitCode: 126,
    };
  if (!hasTool(spec, argv[0])) {
    return {
      stdout: '',
      stderr: `OCI runtime exec failed: exec failed: unable to start container process: ${execNotFound(argv[0])}: unknown`,
      exitCode: 127,
    };
  }
  if (programKey(argv[0])) {
    return (
      runProgramExec(p, sandbox, argv, now) ?? {
        stdout: '',
        stderr: `${argv[0]}: not simulated in the playground\n`,
        exitCode: 127,
      }
    );
  }
  let stdout = '';
  let stderr = '';
  const cwd = specOf(p).resolved?.info.workingDir ?? '/';
  const sh = isShell(argv[0])
    ? newShell(
        argv.indexOf('-c') < 0 ? '' : (argv[argv.indexOf('-c') + 1] ?? ''),
        argv[0].endsWith('bash') ? 'bash' : 'sh',
        now,
      )
    : toolScript(unwrapEntrypoint(argv, spec), now, cwd);
  const host = shellHost(p, sandbox, spec, new Collector(p), net);
  host.runProgram = (args) => runProgramExec(p, sandbox, args, now);
  host.running = (name) => isRunning(p, name);
  host.signalMain = (signal) => signalMainFromInside(p, sandbox, signal, now);
  host.write = (fd, text) => {
    if (fd === 1) stdout += text;
    else stderr += text;
  };
  const outcome = new Interp(sh, host, true).run(Number.POSITIVE_INFINITY, 20000);
  const exitCode = outcome.k === 'exit' ? outcome.code : sh.st;
  return { stdout, stderr, exitCode };
}

/** Resource use for `kubectl top`: millicores and resident bytes. */
function usage(p: ProcessState, sandbox: SandboxState, now: number): { cpuMilli: number; memoryBytes: number } {
  const d = dataOf(p);
  if (d.x) return { cpuMilli: 0, memoryBytes: 0 };
  const po = planOf(p, sandbox);
  // a script: idle while it sleeps, one full CPU in a loop without sleep (throttled by its limit)
  if (!po) return { cpuMilli: d.busy !== undefined ? 1000 : 0, memoryBytes: 1024 * 1024 };
  return { cpuMilli: po.plan.cpuMilli ?? 1, memoryBytes: Math.round(po.plan.memory?.(now) ?? 4 * 1024 * 1024) };
}

export const runtime: ContainerRuntime = {
  startProcess,
  stepProcess: (p, sandbox, now, net) => step(p, sandbox, now, new Collector(p), net),
  signalProcess,
  httpRequest,
  tcpConnect: (p, sandbox, port) => tcpConnect(p, sandbox, port),
  execInContainer,
  usage,
};

export { flavorOf, play };
