/**
 * The simulated container runtime as the kubelet's CRI sees it (see cri.ts), plus the
 * registry look-ups that live beside it in a real node's containerd.
 */
import type { ContainerRuntime, StepResult } from './types';

export { lookupImage, pullErrorMessage } from '../../images/catalog';
export { normalizeImageRef } from '../../images/reference';

import { resolveImage } from '../../images/catalog';

function argvOf(entrypoint: string[], cmd: string[], command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  return [...entrypoint, ...(args && args.length > 0 ? args : cmd)];
}

export const runtime: ContainerRuntime = {
  startProcess(req, sandbox) {
    const argv = argvOf(req.image.entrypoint, req.image.cmd, req.command, req.args);
    const process = {
      containerName: req.containerName,
      image: req.image.ref,
      argv,
      env: { ...req.image.env, HOSTNAME: sandbox.hostname, ...req.env },
      rootfs: {},
      mounts: req.mounts,
      startedAt: req.now,
      memoryLimitBytes: req.memoryLimitBytes,
      data: { t: req.now },
    };
    return { process, result: runtime.stepProcess(process, sandbox, req.now) };
  },
  stepProcess(p, _sandbox, now): StepResult {
    const t = (p.data.t as number) ?? now;
    const [cmd, ...rest] = p.argv[0] === 'sh' && p.argv[1] === '-c' ? (p.argv[2] ?? '').split(/\s+/) : p.argv;
    if (cmd === 'sleep') {
      const until = p.startedAt + Number(rest[0] ?? 0) * 1000;
      if (now < until) return { output: [], wakeAt: until };
      return { output: [], exited: { exitCode: 0, reason: 'Completed', at: until } };
    }
    if (cmd === 'echo')
      return {
        output: [{ at: t, stream: 'stdout', text: rest.join(' ') }],
        exited: { exitCode: 0, reason: 'Completed', at: t },
      };
    if (cmd === 'exit') {
      const code = Number(rest[0] ?? 0);
      return { output: [], exited: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error', at: t } };
    }
    if (resolveImage(p.image)?.spec.repository.endsWith('/nginx')) return { output: [] };
    return {
      output: [{ at: t, stream: 'stderr', text: `sh: ${cmd}: not found` }],
      exited: { exitCode: 127, reason: 'Error', at: t },
    };
  },
  signalProcess(_p, _sandbox, signal, now) {
    if (signal === 'SIGKILL') return { output: [], exited: { exitCode: 137, reason: 'Error', signal: 9, at: now } };
    return { output: [], exited: { exitCode: 0, reason: 'Completed', at: now } };
  },
  httpRequest() {
    return 'connection refused';
  },
  tcpConnect() {
    return false;
  },
  execInContainer(p) {
    return {
      stdout: `${Object.entries(p.env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')}\n`,
      stderr: '',
      exitCode: 0,
    };
  },
};
