/** kubectl logs POD [-c C] [--previous] [--tail N] [--timestamps] (kubectl pkg/cmd/logs). */
import { flagBool, flagInt, flagString } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';
import { findPod, pickContainer } from './podref';

const USAGE = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /;

export function logs(inv: Invocation): number {
  const { p, io } = inv;
  if (p.args.length === 0) throw new KubectlError(USAGE);
  if (flagBool(p, 'follow')) {
    io.err('Warning: --follow is not supported here; printing the log so far.');
  }
  const pod = findPod(inv, p.args[0]);
  const container = p.args[1] ?? flagString(p, 'container');
  const name = pickContainer(inv, pod, container);
  // Lines come back with their RFC 3339 time when the kubelet supports `timestamps`;
  // kubectl shows it only with --timestamps, so it is stripped otherwise.
  const opts = { container: name, previous: flagBool(p, 'previous'), timestamps: true };
  const res = inv.cluster.logs(namespaceOf(inv), pod.metadata.name, opts);
  if (!res.ok) {
    const text = res.text.trim();
    throw new KubectlError(
      /^(error: |Error from server)/.test(text) ? text : `Error from server (BadRequest): ${text}`,
    );
  }
  let lines = res.text === '' ? [] : res.text.replace(/\n$/, '').split('\n');
  // The kubelet keeps each line's time; kubectl shows it only with --timestamps.
  if (!flagBool(p, 'timestamps')) lines = lines.map((l) => l.replace(TIMESTAMP, ''));
  const tail = flagInt(p, 'tail');
  if (tail !== undefined && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  io.out(lines.map((l) => `${l}\n`).join(''));
  return 0;
}
