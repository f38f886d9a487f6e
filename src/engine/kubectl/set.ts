/**
 * kubectl set SUBCOMMAND (kubectl pkg/cmd/set): only `set image` is here; the other
 * upstream subcommands get a clear "not yet" instead of an unknown-command error.
 */
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { setImageCommand } from './set-image';

const UPSTREAM = ['env', 'resources', 'selector', 'serviceaccount', 'sa', 'subject'];

export function set(inv: Invocation): number {
  const [sub, ...rest] = inv.p.args;
  if (sub === 'image') return setImageCommand(inv, rest);
  if (sub === undefined) {
    throw new KubectlError(
      "error: a subcommand is required: kubectl set image TYPE NAME CONTAINER=IMAGE\nSee 'kubectl set -h' for help and examples",
    );
  }
  if (UPSTREAM.includes(sub)) {
    throw new KubectlError(`error: "kubectl set ${sub}" is not available in the playground yet`);
  }
  throw new KubectlError(`error: unknown command "${sub}" for "kubectl set"`);
}
