/** What the public API asks of the kubelets: logs, exec and the chaos switches. */
import type { ClusterCore } from '../cluster';
import type { ExecResult } from '../index';

export function readLogs(
  _core: ClusterCore,
  _namespace: string,
  _pod: string,
  _container: string | undefined,
  _previous: boolean,
): { ok: boolean; text: string } {
  return { ok: false, text: 'not implemented' };
}

export function execInPod(
  _core: ClusterCore,
  _namespace: string,
  _pod: string,
  _command: string[],
  _container?: string,
): ExecResult {
  return { stdout: '', stderr: 'not implemented', exitCode: 1 };
}

export function killNode(_core: ClusterCore, _name: string): void {}
export function restoreNode(_core: ClusterCore, _name: string): void {}
export function crashContainer(_core: ClusterCore, _namespace: string, _pod: string, _container?: string): void {}
