/**
 * kubectl events (kubectl pkg/cmd/events): the namespace's events oldest first, OBJECT
 * as `Kind/name`, `--for TYPE/NAME` and `--types Normal,Warning`.
 */
import type { KubeEvent } from '../api/types';
import { since } from './age';
import { flagBool, flagString, resolveKind } from './args';
import { allNamespaces, type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';
import { asList, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { formatTable } from './tabwriter';

export function events(inv: Invocation): number {
  const { p, io } = inv;
  const all = allNamespaces(inv);
  const ns = namespaceOf(inv);
  let list = inv.cluster.events().filter((e) => all || e.metadata.namespace === ns);
  const forArg = flagString(p, 'for');
  if (forArg) {
    const [type, name] = forArg.split('/');
    if (!type || !name) throw new KubectlError(`error: --for must be in resource/name form`);
    const kind = resolveKind(type).kind;
    list = list.filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name);
  }
  const types = flagString(p, 'types');
  if (types) {
    const wanted = types.split(',').map((t) => t.trim().toLowerCase());
    if (wanted.some((t) => t !== 'normal' && t !== 'warning'))
      throw new KubectlError('error: valid --types are Normal or Warning');
    list = list.filter((e) => wanted.includes(String(e.type).toLowerCase()));
  }
  const format = parseOutput(flagString(p, 'output'));
  if (format.kind === 'yaml' || format.kind === 'json' || format.kind === 'jsonpath') {
    const data = asList(list);
    io.out(
      format.kind === 'yaml'
        ? toYaml(data)
        : format.kind === 'json'
          ? toJson(data)
          : printJsonPath(format.template, data),
    );
    return 0;
  }
  if (format.kind === 'name') {
    io.out(list.map((e) => `event/${e.metadata.name}\n`).join(''));
    return 0;
  }
  if (list.length === 0) {
    io.err(all ? 'No events found.' : `No events found in ${ns} namespace.`);
    return 0;
  }
  const now = inv.cluster.now();
  const rows: string[][] = flagBool(p, 'no-headers')
    ? []
    : [[...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  for (const e of list) rows.push([...(all ? [e.metadata.namespace ?? ''] : []), ...row(e, now)]);
  io.out(formatTable(rows));
  return 0;
}

function row(e: KubeEvent, now: number): string[] {
  const first = since(e.firstTimestamp, now);
  const interval = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
  const io = e.involvedObject ?? { kind: '', name: '' };
  return [interval, e.type, e.reason, `${io.kind}/${io.name}`, String(e.message ?? '').trim()];
}
