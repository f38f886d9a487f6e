/**
 * What the kubelet hands the runtime besides the image: environment variables
 * (service links, env, envFrom, downward API, ConfigMap and Secret keys, $(VAR)
 * expansion) and the pod's volume contents. Errors carry the kubelet's messages
 * (CreateContainerConfigError, FailedMount).
 */

import { decodeStd, decodeText, utf8Decode } from '../api/base64';
import { parseQuantity } from '../api/quantity';
import type { Store } from '../api/store';
import type { Container, KubeObject, Pod } from '../api/types';
import type { MountState } from './runtime/types';

export class ConfigError extends Error {}

function configMapData(cm: KubeObject): Record<string, string> {
  return { ...((cm.data as Record<string, string>) ?? {}) };
}

/** A ConfigMap volume holds binaryData keys too (env reads data only, as the kubelet does). */
function configMapFiles(cm: KubeObject): Record<string, string> {
  const out = configMapData(cm);
  for (const [k, v] of Object.entries((cm.binaryData as Record<string, string>) ?? {})) {
    const r = decodeStd(String(v));
    if (r.ok) out[k] = utf8Decode(r.bytes);
  }
  return out;
}

function secretData(s: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((s.data as Record<string, string>) ?? {})) out[k] = decodeText(String(v));
  for (const [k, v] of Object.entries((s.stringData as Record<string, string>) ?? {})) out[k] = String(v);
  return out;
}

/** $(VAR) references expanded from `env`; $$ escapes a dollar; unknown references stay as written. */
export function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name?: string) => {
    if (m === '$$') return '$';
    return name !== undefined && env[name] !== undefined ? env[name] : m;
  });
}

/** Service links for one service (pkg/kubelet/envvars): FOO_SERVICE_HOST, FOO_PORT_80_TCP… */
function serviceEnv(svc: KubeObject, out: Record<string, string>): void {
  const ip = svc.spec?.clusterIP;
  if (!ip || ip === 'None') return;
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number; protocol?: string }[];
  if (ports.length === 0) return;
  const prefix = svc.metadata.name.toUpperCase().replace(/-/g, '_');
  out[`${prefix}_SERVICE_HOST`] = ip;
  out[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) {
    if (p.name) out[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  }
  const first = ports[0];
  const proto0 = (first.protocol ?? 'TCP').toLowerCase();
  out[`${prefix}_PORT`] = `${proto0}://${ip}:${first.port}`;
  for (const p of ports) {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const base = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out[base] = `${proto}://${ip}:${p.port}`;
    out[`${base}_PROTO`] = proto;
    out[`${base}_PORT`] = String(p.port);
    out[`${base}_ADDR`] = ip;
  }
}

function fieldRef(pod: Pod, path: string, hostIP: string | undefined, podIP: string | undefined): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata[m[1] as 'labels' | 'annotations']?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return podIP ?? '';
    default:
      return '';
  }
}

function resourceField(
  c: Container,
  resource: string,
  divisor: string | undefined,
  nodeAlloc: Record<string, string>,
): string {
  const [kind, name] = resource.split('.');
  const v = c.resources?.[kind as 'limits' | 'requests']?.[name] ?? (kind === 'limits' ? nodeAlloc[name] : '0');
  const q = parseQuantity(String(v ?? '0'));
  const d = parseQuantity(divisor ?? '1');
  if (!q || !d) return '0';
  if (name === 'cpu') return String(Math.ceil(q.milli / Math.max(1, d.milli)));
  return String(Math.ceil(q.value / Math.max(1, d.value)));
}

export interface EnvContext {
  store: Store;
  pod: Pod;
  hostIP?: string;
  podIP?: string;
  nodeAllocatable: Record<string, string>;
}

/** makeEnvironmentVariables: throws ConfigError with the kubelet's message when a source is missing. */
export function containerEnv(c: Container, x: EnvContext): Record<string, string> {
  const ns = x.pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  if (x.pod.spec.enableServiceLinks !== false) {
    for (const svc of x.store.list('Service', ns)) serviceEnv(svc, env);
  }
  const master = x.store.get('Service', 'default', 'kubernetes');
  if (master) serviceEnv(master, env);
  for (const src of (c.envFrom ?? []) as any[]) {
    const prefix = String(src.prefix ?? '');
    if (src.configMapRef) {
      const cm = x.store.get('ConfigMap', ns, src.configMapRef.name);
      if (!cm) {
        if (src.configMapRef.optional) continue;
        throw new ConfigError(`configmap "${src.configMapRef.name}" not found`);
      }
      for (const [k, v] of Object.entries(configMapData(cm))) env[prefix + k] = v;
    } else if (src.secretRef) {
      const s = x.store.get('Secret', ns, src.secretRef.name);
      if (!s) {
        if (src.secretRef.optional) continue;
        throw new ConfigError(`secret "${src.secretRef.name}" not found`);
      }
      for (const [k, v] of Object.entries(secretData(s))) env[prefix + k] = v;
    }
  }
  for (const e of c.env ?? []) {
    const from = e.valueFrom as any;
    if (!from) {
      env[e.name] = expand(String(e.value ?? ''), env);
      continue;
    }
    if (from.fieldRef) env[e.name] = fieldRef(x.pod, String(from.fieldRef.fieldPath), x.hostIP, x.podIP);
    else if (from.resourceFieldRef) {
      const target = x.pod.spec.containers.find((k) => k.name === (from.resourceFieldRef.containerName || c.name)) ?? c;
      env[e.name] = resourceField(
        target,
        String(from.resourceFieldRef.resource),
        from.resourceFieldRef.divisor,
        x.nodeAllocatable,
      );
    } else if (from.configMapKeyRef) {
      const { name, key, optional } = from.configMapKeyRef;
      const cm = x.store.get('ConfigMap', ns, name);
      if (!cm) {
        if (optional) continue;
        throw new ConfigError(`configmap "${name}" not found`);
      }
      const data = configMapData(cm);
      if (data[key] === undefined) {
        if (optional) continue;
        throw new ConfigError(`couldn't find key ${key} in ConfigMap ${ns}/${name}`);
      }
      env[e.name] = data[key];
    } else if (from.secretKeyRef) {
      const { name, key, optional } = from.secretKeyRef;
      const s = x.store.get('Secret', ns, name);
      if (!s) {
        if (optional) continue;
        throw new ConfigError(`secret "${name}" not found`);
      }
      const data = secretData(s);
      if (data[key] === undefined) {
        if (optional) continue;
        throw new ConfigError(`couldn't find key ${key} in Secret ${ns}/${name}`);
      }
      env[e.name] = data[key];
    }
  }
  return env;
}

/** The container's command and args with $(VAR) references expanded. */
export function expandCommand(c: Container, env: Record<string, string>): { command?: string[]; args?: string[] } {
  return {
    command: c.command?.map((s) => expand(String(s), env)),
    args: c.args?.map((s) => expand(String(s), env)),
  };
}

export function containerMounts(c: Container): MountState[] {
  return (c.volumeMounts ?? []).map((m) => ({
    mountPath: m.mountPath,
    volume: m.name,
    ...(m.readOnly ? { readOnly: true } : {}),
    ...(m.subPath ? { subPath: m.subPath } : {}),
  }));
}

function keyedFiles(
  data: Record<string, string>,
  items: { key: string; path: string }[] | undefined,
  out: Record<string, string>,
  kind: 'configmap' | 'secret',
): void {
  if (!items || items.length === 0) {
    Object.assign(out, data);
    return;
  }
  for (const it of items) {
    if (data[it.key] === undefined)
      throw new ConfigError(
        `${kind} references non-existent ${kind === 'secret' ? 'secret' : 'config'} key: ${it.key}`,
      );
    out[it.path] = data[it.key];
  }
}

function downwardFiles(pod: Pod, items: any[], out: Record<string, string>): void {
  for (const it of items ?? []) {
    const path = String(it.fieldRef?.fieldPath ?? '');
    if (path === 'metadata.labels' || path === 'metadata.annotations') {
      const m = (path === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {};
      out[it.path] = Object.keys(m)
        .sort()
        .map((k) => `${k}="${m[k]}"`)
        .join('\n');
    } else if (path) out[it.path] = fieldRef(pod, path, undefined, undefined);
  }
}

/** A small, recognisable stand-in for a bound service account token (a JWT's shape). */
function tokenFor(pod: Pod): string {
  const sa = pod.spec.serviceAccountName ?? 'default';
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6InBsYXlncm91bmQifQ.${pod.metadata.namespace ?? 'default'}.${sa}.${pod.metadata.uid}`;
}

/**
 * The pod's volumes as files, as the volume manager would mount them. Throws
 * ConfigError with "MountVolume.SetUp failed for volume …" for a missing source.
 */
export function podVolumes(store: Store, pod: Pod): Record<string, Record<string, string>> {
  const ns = pod.metadata.namespace ?? 'default';
  const out: Record<string, Record<string, string>> = {};
  for (const v of (pod.spec.volumes ?? []) as any[]) {
    try {
      out[v.name] = volumeFiles(store, pod, ns, v);
    } catch (e) {
      if (e instanceof ConfigError) {
        throw new ConfigError(`MountVolume.SetUp failed for volume "${v.name}" : ${e.message}`);
      }
      throw e;
    }
  }
  return out;
}

function volumeFiles(store: Store, pod: Pod, ns: string, v: any): Record<string, string> {
  const files: Record<string, string> = {};
  const fail = (msg: string): never => {
    throw new ConfigError(msg);
  };
  if (v.configMap) {
    const cm = store.get('ConfigMap', ns, v.configMap.name);
    if (!cm) {
      if (!v.configMap.optional) fail(`configmap "${v.configMap.name}" not found`);
    } else keyedFiles(configMapFiles(cm), v.configMap.items, files, 'configmap');
  } else if (v.secret) {
    const s = store.get('Secret', ns, v.secret.secretName);
    if (!s) {
      if (!v.secret.optional) fail(`secret "${v.secret.secretName}" not found`);
    } else keyedFiles(secretData(s), v.secret.items, files, 'secret');
  } else if (v.downwardAPI) {
    downwardFiles(pod, v.downwardAPI.items, files);
  } else if (v.projected) {
    for (const src of v.projected.sources ?? []) {
      if (src.configMap) {
        const cm = store.get('ConfigMap', ns, src.configMap.name);
        if (cm) keyedFiles(configMapFiles(cm), src.configMap.items, files, 'configmap');
        else if (!src.configMap.optional) fail(`configmap "${src.configMap.name}" not found`);
      } else if (src.secret) {
        const s = store.get('Secret', ns, src.secret.name);
        if (s) keyedFiles(secretData(s), src.secret.items, files, 'secret');
        else if (!src.secret.optional) fail(`secret "${src.secret.name}" not found`);
      } else if (src.downwardAPI) downwardFiles(pod, src.downwardAPI.items, files);
      else if (src.serviceAccountToken) files[src.serviceAccountToken.path ?? 'token'] = tokenFor(pod);
    }
  }
  return files;
}
