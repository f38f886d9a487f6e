/** kubectl describe pod, in describePod's order (kubectl pkg/describe/describe.go). */
import { bytes, cpuMilli } from '../api/quantity';
import type { Container, ContainerState, ContainerStatus, Pod, Probe } from '../api/types';
import type { Cluster } from '../index';
import { rfc1123z, since } from './age';
import {
  DescribeWriter,
  eventsFor,
  quantityText,
  writeAnnotations,
  writeEvents,
  writeLabels,
  writeTolerations,
} from './describe-util';

export function describePod(cluster: Cluster, pod: Pod): string {
  const now = cluster.now();
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? { phase: 'Pending' };
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    writeContainers(w, pod, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses ?? []);
  }
  writeContainers(w, pod, 'Containers', spec.containers ?? [], status.containerStatuses ?? []);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec.volumes ?? []);
  w.write(0, `QoS Class:\t${status.qosClass ?? qosClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeEvents(w, eventsFor(cluster, pod), now);
  return w.toString();
}

function writeContainers(
  w: DescribeWriter,
  pod: Pod,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[],
): void {
  w.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const byName = new Map(statuses.map((s) => [s.name, s]));
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    writeLines(w, 'Command', c.command);
    writeLines(w, 'Args', c.args);
    if (st) {
      writeState(w, 'State', st.state);
      if (st.lastState?.terminated) writeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    writeResources(w, c.resources);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probeText(c.startupProbe)}\n`);
    writeEnv(w, c, pod);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

function writeLines(w: DescribeWriter, title: string, list: string[] | undefined): void {
  if (!list || list.length === 0) return;
  w.write(2, `${title}:\n`);
  for (const item of list) for (const s of String(item).split('\n')) w.write(3, `${s}\n`);
}

function writeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

function writeResources(w: DescribeWriter, r: Container['resources']): void {
  for (const [title, list] of [
    ['Limits', r?.limits],
    ['Requests', r?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const n of names) w.write(3, `${n}:\t${quantityText((list as Record<string, unknown>)[n])}\n`);
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeEnv(w: DescribeWriter, c: Container, pod: Pod): void {
  const from = (c.envFrom ?? []) as { configMapRef?: any; secretRef?: any; prefix?: string }[];
  if (from.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of from) {
      const ref = e.configMapRef ?? e.secretRef ?? {};
      const kind = e.configMapRef ? 'ConfigMap' : 'Secret';
      const what = e.prefix ? `${kind} with prefix '${e.prefix}'` : kind;
      w.write(3, `${ref.name ?? ''}\t${what}\tOptional: ${ref.optional === true}\n`);
    }
  }
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const vf = e.valueFrom as any;
    if (!vf) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => {
          w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
        });
    } else if (vf.fieldRef) {
      const value = fieldValue(pod, String(vf.fieldRef.fieldPath ?? ''));
      w.write(3, `${e.name}:\t${value} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      w.write(3, `${e.name}:\t${resourceValue(c, vf.resourceFieldRef)} (${vf.resourceFieldRef.resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name}'>\tOptional: ${r.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(
        3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function writeVolumes(w: DescribeWriter, volumes: any[]): void {
  if (volumes.length === 0) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`);
    if (v.emptyDir) {
      w.write(
        2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`,
      );
    } else if (v.hostPath) {
      w.write(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
      );
    } else if (v.configMap) {
      w.write(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`,
      );
    } else if (v.secret) {
      w.write(
        2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`,
      );
    } else if (v.persistentVolumeClaim) {
      w.write(
        2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
      );
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken)
          w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
        else if (s.configMap)
          w.write(2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`);
        else if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      }
    } else if (v.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const it of v.downwardAPI.items ?? []) {
        if (it.fieldRef) w.write(3, `${it.fieldRef.fieldPath} -> ${it.path}\n`);
        if (it.resourceFieldRef) w.write(3, `${it.resourceFieldRef.resource} -> ${it.path}\n`);
      }
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}

/** GetPodQOS: Guaranteed when every container's cpu and memory limits equal its requests. */
export function qosClass(pod: Pod): string {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** fieldpath.ExtractFieldPathAsString for the downward-API fields pods use. */
function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (pod.metadata[m[1] as 'labels' | 'annotations'] as Record<string, string> | undefined)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
  }
  return '';
}

/** ExtractContainerResourceValue with the default divisor; an unset limit reads "node allocatable". */
function resourceValue(c: Container, ref: { resource?: string }): string {
  const [which, name] = String(ref.resource ?? '').split('.');
  const list = which === 'limits' ? c.resources?.limits : c.resources?.requests;
  const q = list?.[name];
  if (q === undefined || q === null || String(q) === '0') return which === 'limits' ? 'node allocatable' : '0';
  if (name === 'cpu') return String(Math.ceil(cpuMilli(q) / 1000));
  return String(bytes(q));
}
