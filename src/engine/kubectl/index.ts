import type { Cluster, ExecResult } from '../index';

export function runKubectl(_cluster: Cluster, _line: string, _stdin?: string): ExecResult {
  return { stdout: '', stderr: 'not implemented', exitCode: 1 };
}
