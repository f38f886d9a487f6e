/**
 * kubectl rollout SUBCOMMAND (kubectl pkg/cmd/rollout/rollout.go): status, history,
 * undo, pause, resume and restart of Deployments, DaemonSets and StatefulSets.
 */
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { rolloutHistory } from './rollout-history';
import { rolloutPatch } from './rollout-patch';
import { rolloutStatus } from './rollout-status';
import { rolloutUndo } from './rollout-undo';

export function rollout(inv: Invocation): number {
  const [sub, ...args] = inv.p.args;
  switch (sub) {
    case 'status':
      return rolloutStatus(inv, args);
    case 'history':
      return rolloutHistory(inv, args);
    case 'undo':
      return rolloutUndo(inv, args);
    case 'pause':
    case 'resume':
    case 'restart':
      return rolloutPatch(inv, sub, args);
    case undefined:
      throw new KubectlError(
        "error: a subcommand is required: history, pause, restart, resume, status or undo\nSee 'kubectl rollout -h' for help and examples",
      );
    default:
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"`);
  }
}
