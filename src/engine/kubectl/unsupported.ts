/**
 * Real kubectl commands the playground does not run (yet): a clear sentence instead
 * of "unknown command", and what kubectl itself says where that is the honest answer
 * (no metrics-server here, so `top` fails as it would on such a cluster).
 */
import type { Invocation, Verb } from './cmd';
import { KubectlError } from './errors';

const NOT_YET = [
  'edit',
  'patch',
  'replace',
  'autoscale',
  'port-forward',
  'attach',
  'cp',
  'proxy',
  'auth',
  'debug',
  'wait',
  'diff',
  'kustomize',
  'explain',
  'certificate',
  'plugin',
  'completion',
  'alpha',
];

export const UNSUPPORTED: Record<string, Verb> = {
  top: () => {
    throw new KubectlError('error: Metrics API not available');
  },
  ...Object.fromEntries(
    NOT_YET.map((v) => [
      v,
      (_inv: Invocation) => {
        throw new KubectlError(`error: "kubectl ${v}" is not available in the playground yet`);
      },
    ]),
  ),
};
