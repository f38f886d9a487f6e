/**
 * kubectl logs POD [-c C] [--previous] [--tail N] [--timestamps], plus -l SELECTOR,
 * --all-containers and --prefix (kubectl pkg/cmd/logs).
 */
import type { Pod } from '../api/types';
import { flagBool, flagInt, flagString } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';
import { findPod, pickContainer } from './podref';
import { byNamespaceThenName, noResourcesMessage } from './resources';
import { labelFilter } from './selectors';

const USAGE = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /;

export function logs(inv: Invocation): number {
  const { p, io } = inv;
  const selector = flagString(p, 'selector');
  if (p.args.length === 0 && !selector) throw new KubectlError(USAGE);
  if (flagBool(p, 'follow')) io.err('Warning: --follow is not supported here; printing the log so far.');
  const pods = selector ? selected(inv, selector) : [findPod(inv, p.args[0])];
  if (pods.length === 0) {
    io.err(noResourcesMessage(inv));
    return 0;
  }
  const requested = (selector ? undefined : p.args[1]) ?? flagString(p, 'container');
  const prefix = flagBool(p, 'prefix');
  for (const pod of pods) {
    const names = flagBool(p, 'all-containers')
      ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name)
      : [pickContainer(inv, pod, requested)];
    for (const name of names) {
      const lines = readLines(inv, pod, name);
      const tag = prefix ? `[pod/${pod.metadata.name}/${name}] ` : '';
      io.out(lines.map((l) => `${tag}${l}\n`).join(''));
    }
  }
  return 0;
}

function selected(inv: Invocation, selector: string): Pod[] {
  const match = labelFilter(selector);
  return (inv.cluster.list('Pod', namespaceOf(inv)) as Pod[])
    .filter((pod) => pod.metadata.namespace === namespaceOf(inv) && match(pod))
    .sort(byNamespaceThenName);
}

function readLines(inv: Invocation, pod: Pod, container: string): string[] {
  const { p } = inv;
  // Lines come back with their RFC 3339 time when the kubelet supports `timestamps`;
  // kubectl shows it only with --timestamps, so it is stripped otherwise.
  const opts = { container, previous: flagBool(p, 'previous'), timestamps: true };
  const res = inv.cluster.logs(namespaceOf(inv), pod.metadata.name, opts);
  if (!res.ok) {
    const text = res.text.trim();
    throw new KubectlError(
      /^(error: |Error from server)/.test(text) ? text : `Error from server (BadRequest): ${text}`,
    );
  }
  let lines = res.text === '' ? [] : res.text.replace(/\n$/, '').split('\n');
  if (!flagBool(p, 'timestamps')) lines = lines.map((l) => l.replace(TIMESTAMP, ''));
  const tail = flagInt(p, 'tail');
  if (tail !== undefined && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  return lines;
}
