/** kubectl exec POD [-c C] [-i] [-t] -- COMMAND... (kubectl pkg/cmd/exec). */
import { flagString } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';
import { findPod, pickContainer } from './podref';

export function exec(inv: Invocation): number {
  const { p, io } = inv;
  if (p.args.length === 0 || p.argsLenAtDash === 0) {
    throw new KubectlError(
      "error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples",
    );
  }
  if (p.argsLenAtDash < 0 && p.args.length > 1) {
    throw new KubectlError(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  }
  const command = p.argsLenAtDash < 0 ? [] : p.args.slice(p.argsLenAtDash);
  if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
  const pod = findPod(inv, p.args[0]);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = pickContainer(inv, pod, flagString(p, 'container'));
  const res = inv.cluster.exec(namespaceOf(inv), pod.metadata.name, command, container);
  io.out(res.stdout);
  if (res.stderr) io.stderr += res.stderr;
  // A non-zero exit of the command is reported like kubectl does and passed on; a
  // failure to reach the container already carries its own error text.
  const failedToRun = /^(error: |Error from server)/.test(res.stderr ?? '');
  if (res.exitCode !== 0 && !failedToRun) io.err(`command terminated with exit code ${res.exitCode}`);
  return res.exitCode;
}
