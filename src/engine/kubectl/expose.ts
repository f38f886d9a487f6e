/**
 * kubectl expose (kubectl pkg/cmd/expose/expose.go): a Service for a Deployment,
 * ReplicaSet, ReplicationController, Pod or Service, with the object's selector (a
 * pod's labels), its labels, and its container ports unless --port says otherwise.
 * Several ports are named port-1, port-2, ...; the target port is the port itself
 * unless --target-port is given.
 */
import { lookupKind, resourceRef } from '../api/kinds';
import type { Service, ServicePort } from '../api/network-types';
import type { KubeObject } from '../api/types';
import { flagString, hasFlag } from './args';
import type { Invocation } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { api, KubectlError } from './errors';
import { forOutput, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { finish, hasFilename, NO_RESOURCES, podTemplateOf, resolveTargets } from './workload-targets';

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

/** MapBasedSelectorForObject: the equality selector a Service can carry. */
function selectorOf(obj: KubeObject): Record<string, string> {
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0)
        throw new KubectlError('error: the pod has no labels and cannot be exposed');
      return labels;
    }
    case 'ReplicationController':
    case 'Service':
      return obj.spec?.selector ?? {};
    default: {
      const sel = obj.spec?.selector ?? {};
      const exprs: { key: string; operator: string; values?: string[] }[] = sel.matchExpressions ?? [];
      if (exprs.length > 0) {
        const text = exprs.map((e) => `${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`).join(',');
        throw new KubectlError(`error: couldn't convert expressions - "${text}" to map-based selector format`);
      }
      return sel.matchLabels ?? {};
    }
  }
}

/** PortsForObject / ProtocolsForObject: the container ports of the pod (template), or a Service's ports. */
function introspectedPorts(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') {
    return (obj.spec?.ports ?? []).map((p: ServicePort) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const spec = obj.kind === 'Pod' ? obj.spec : podTemplateOf(obj)?.spec;
  const out: { port: number; protocol: string }[] = [];
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
  }
  return out;
}

function buildService(inv: Invocation, obj: KubeObject): Service {
  const { p } = inv;
  const selector = selectorOf(obj);
  const protocol = flagString(p, 'protocol');
  const portFlag = flagString(p, 'port') ?? '';
  const ports = portFlag
    ? portFlag.split(',').map((s) => ({ port: Number(s), protocol: protocol || 'TCP' }))
    : introspectedPorts(obj).map((x) => ({ port: x.port, protocol: protocol || x.protocol }));
  if (ports.length === 0) throw new KubectlError("error: couldn't find port via --port flag or introspection");
  for (const x of ports) {
    if (!Number.isInteger(x.port)) throw new KubectlError(`error: invalid port: ${portFlag}`);
  }
  const targetPort = flagString(p, 'target-port');
  const servicePorts: ServicePort[] = ports.map((x, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    protocol: x.protocol as ServicePort['protocol'],
    port: x.port,
    targetPort: targetPort ? (/^\d+$/.test(targetPort) ? Number(targetPort) : targetPort) : x.port,
  }));
  const labelsFlag = flagString(p, 'labels');
  const labels = labelsFlag
    ? Object.fromEntries(labelsFlag.split(',').map((kv) => kv.split('=')))
    : obj.metadata.labels;
  const spec: Service['spec'] = { ports: servicePorts, selector };
  const type = flagString(p, 'type');
  if (type) spec.type = type as Service['spec']['type'];
  const affinity = flagString(p, 'session-affinity');
  if (affinity) spec.sessionAffinity = affinity as Service['spec']['sessionAffinity'];
  const clusterIP = flagString(p, 'cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  const externalIP = flagString(p, 'external-ip');
  if (externalIP) spec.externalIPs = [externalIP];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: (hasFlag(p, 'name') && flagString(p, 'name')) || obj.metadata.name,
      namespace: obj.metadata.namespace,
      ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    },
    spec,
  } as unknown as Service;
}

export function expose(inv: Invocation): number {
  const { p, io } = inv;
  if (p.args.length === 0 && !hasFilename(inv)) throw new KubectlError(NO_RESOURCES);
  const { targets, errors } = resolveTargets(inv, p.args, false);
  const dry = dryRunOf(p);
  const format = parseOutput(flagString(p, 'output'));
  for (const t of targets) {
    if (!EXPOSABLE.has(t.obj.kind)) {
      const group = t.info.group ? `.${t.info.group}` : '';
      throw new KubectlError(`error: cannot expose a ${t.obj.kind}${group}`);
    }
    let svc: KubeObject = buildService(inv, t.obj);
    if (dry !== 'client') {
      // The server's error comes back as is (CheckErr), e.g. `Error from server (AlreadyExists): ...`.
      const written = api(() => inv.cluster.core.api.createWithWarnings(svc, { dryRun: dry === 'server' }));
      for (const w of written.warnings) io.err(`Warning: ${w}`);
      svc = written.object;
    }
    const ref = resourceRef(lookupKind('Service') as NonNullable<ReturnType<typeof lookupKind>>, svc.metadata.name);
    if (format.kind === 'yaml') io.out(toYaml(forOutput(svc)));
    else if (format.kind === 'json') io.out(toJson(forOutput(svc)));
    else if (format.kind === 'jsonpath') io.out(printJsonPath(format.template, svc));
    else if (format.kind === 'name') io.out(`${ref}\n`);
    else io.out(`${ref} exposed${dryRunSuffix(dry)}\n`);
  }
  return finish(inv, errors);
}
