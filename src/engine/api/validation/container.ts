/**
 * Container validation from pkg/apis/core/validation/validation.go: validateContainers,
 * validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv,
 * ValidateVolumeMounts, validatePullPolicy, the probes and lifecycle handlers. Order
 * and wording follow upstream, because the aggregated message lists errors in order.
 */
import {
  duplicate,
  type ErrorList,
  forbidden,
  invalid,
  isRecord,
  notFound,
  notSupported,
  type Path,
  required,
} from './field';
import { isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './names';
import { validateResources } from './resources';

export interface PodContext {
  volumes: Set<string>;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

export function validateContainers(containers: unknown, ctx: PodContext, path: Path): ErrorList {
  if (!Array.isArray(containers) || containers.length === 0) return [required(path, '')];
  const errs: ErrorList = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = path.index(i);
    const ctr = isRecord(c) ? c : {};
    errs.push(...validateContainerCommon(ctr, ctx, p));
    if (ctr.name && names.has(ctr.name)) errs.push(duplicate(p.child('name'), ctr.name));
    else names.add(ctr.name);
    if (!ctr.image) errs.push(required(p.child('image'), ''));
    errs.push(...validateLifecycle(ctr.lifecycle, p.child('lifecycle')));
    errs.push(...validateProbe(ctr.livenessProbe, p.child('livenessProbe'), 'liveness'));
    errs.push(...validateProbe(ctr.readinessProbe, p.child('readinessProbe'), 'readiness'));
    errs.push(...validateProbe(ctr.startupProbe, p.child('startupProbe'), 'startup'));
    if (ctr.restartPolicy !== undefined) {
      errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/**
 * Init containers share the name space with regular ones; only a native sidecar
 * (restartPolicy Always) may have probes and a lifecycle.
 */
export function validateInitContainers(inits: unknown, containers: unknown, ctx: PodContext, path: Path): ErrorList {
  if (!Array.isArray(inits)) return [];
  const errs: ErrorList = [];
  const names = new Set<string>(Array.isArray(containers) ? containers.map((c) => c?.name) : []);
  inits.forEach((c, i) => {
    const p = path.index(i);
    const ctr = isRecord(c) ? c : {};
    errs.push(...validateContainerCommon(ctr, ctx, p));
    if (ctr.name && names.has(ctr.name)) errs.push(duplicate(p.child('name'), ctr.name));
    else names.add(ctr.name);
    if (!ctr.image) errs.push(required(p.child('image'), ''));
    const sidecar = ctr.restartPolicy === 'Always';
    if (ctr.restartPolicy !== undefined && !sidecar) {
      errs.push(notSupported(p.child('restartPolicy'), ctr.restartPolicy, ['Always']));
    }
    if (sidecar) {
      errs.push(...validateLifecycle(ctr.lifecycle, p.child('lifecycle')));
      errs.push(...validateProbe(ctr.livenessProbe, p.child('livenessProbe'), 'liveness'));
      errs.push(...validateProbe(ctr.readinessProbe, p.child('readinessProbe'), 'readiness'));
      errs.push(...validateProbe(ctr.startupProbe, p.child('startupProbe'), 'startup'));
    } else {
      if (ctr.lifecycle !== undefined)
        errs.push(forbidden(p.child('lifecycle'), 'may not be set for init containers without restartPolicy=Always'));
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[probe] !== undefined) {
          errs.push(forbidden(p.child(probe), 'may not be set for init containers without restartPolicy=Always'));
        }
      }
    }
  });
  errs.push(...checkHostPortConflicts(inits, path));
  return errs;
}

function validateContainerCommon(ctr: Record<string, any>, ctx: PodContext, p: Path): ErrorList {
  const errs: ErrorList = [];
  if (!ctr.name) errs.push(required(p.child('name'), ''));
  else for (const msg of isDNS1123Label(ctr.name)) errs.push(invalid(p.child('name'), ctr.name, msg));
  if (typeof ctr.image === 'string' && ctr.image !== ctr.image.trim()) {
    errs.push(invalid(p.child('image'), ctr.image, 'must not have leading or trailing whitespace'));
  }
  errs.push(...validateContainerPorts(ctr.ports, p.child('ports')));
  errs.push(...validateEnv(ctr.env, p.child('env')));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, ctx, p.child('volumeMounts')));
  if (!ctr.imagePullPolicy) errs.push(required(p.child('imagePullPolicy'), ''));
  else if (!PULL_POLICIES.includes(ctr.imagePullPolicy)) {
    errs.push(notSupported(p.child('imagePullPolicy'), ctr.imagePullPolicy, PULL_POLICIES));
  }
  errs.push(...validateResources(ctr.resources, p.child('resources')));
  if (!ctr.terminationMessagePolicy) errs.push(required(p.child('terminationMessagePolicy'), ''));
  else if (!MESSAGE_POLICIES.includes(ctr.terminationMessagePolicy)) {
    errs.push(notSupported(p.child('terminationMessagePolicy'), ctr.terminationMessagePolicy, MESSAGE_POLICIES));
  }
  return errs;
}

export function validateContainerPorts(ports: unknown, path: Path): ErrorList {
  if (!Array.isArray(ports)) return [];
  const errs: ErrorList = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const p = path.index(i);
    const pt = isRecord(port) ? port : {};
    if (pt.name) {
      const msgs = isValidPortName(pt.name);
      for (const msg of msgs) errs.push(invalid(p.child('name'), pt.name, msg));
      if (msgs.length === 0 && names.has(pt.name)) errs.push(duplicate(p.child('name'), pt.name));
      names.add(pt.name);
    }
    if (!pt.containerPort) errs.push(required(p.child('containerPort'), ''));
    else
      for (const msg of isValidPortNum(pt.containerPort))
        errs.push(invalid(p.child('containerPort'), pt.containerPort, msg));
    if (pt.hostPort)
      for (const msg of isValidPortNum(pt.hostPort)) errs.push(invalid(p.child('hostPort'), pt.hostPort, msg));
    if (!pt.protocol) errs.push(required(p.child('protocol'), ''));
    else if (!PROTOCOLS.includes(pt.protocol)) errs.push(notSupported(p.child('protocol'), pt.protocol, PROTOCOLS));
  });
  return errs;
}

/** AccumulateUniqueHostPorts: one hostIP/protocol/hostPort per pod. */
function checkHostPortConflicts(containers: any[], path: Path): ErrorList {
  const errs: ErrorList = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (Array.isArray(c?.ports) ? c.ports : []).forEach((pt: any, pi: number) => {
      if (!pt?.hostPort) return;
      const key = `${pt.hostIP ?? ''}/${pt.protocol ?? ''}/${pt.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      seen.add(key);
    });
  });
  return errs;
}

const FIELD_REF_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

function validateEnv(env: unknown, path: Path): ErrorList {
  if (!Array.isArray(env)) return [];
  const errs: ErrorList = [];
  env.forEach((ev, i) => {
    const p = path.index(i);
    const e = isRecord(ev) ? ev : {};
    if (!e.name) errs.push(required(p.child('name'), ''));
    else for (const msg of isEnvVarName(e.name)) errs.push(invalid(p.child('name'), e.name, msg));
    if (!isRecord(e.valueFrom)) return;
    const vp = p.child('valueFrom');
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter(
      (k) => e.valueFrom[k] !== undefined,
    );
    if (sources.length === 0) {
      errs.push(
        invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'),
      );
    } else if (e.value) {
      errs.push(invalid(vp, '', 'may not be specified when `value` is not empty'));
    } else if (sources.length > 1) {
      errs.push(invalid(vp, '', 'may not have more than one field specified at a time'));
    }
    for (const ref of ['configMapKeyRef', 'secretKeyRef']) {
      const r = e.valueFrom[ref];
      if (!isRecord(r)) continue;
      if (!r.key) errs.push(required(vp.child(ref, 'key'), ''));
      if (!r.name) errs.push(required(vp.child(ref, 'name'), ''));
    }
    const f = e.valueFrom.fieldRef;
    if (isRecord(f)) {
      const fp = vp.child('fieldRef', 'fieldPath');
      const base = String(f.fieldPath ?? '').replace(/\[.*$/, '');
      if (!f.fieldPath) errs.push(required(fp, ''));
      else if (!FIELD_REF_PATHS.includes(base)) errs.push(notSupported(fp, f.fieldPath, FIELD_REF_PATHS));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: unknown, ctx: PodContext, path: Path): ErrorList {
  if (!Array.isArray(mounts)) return [];
  const errs: ErrorList = [];
  const points = new Set<string>();
  mounts.forEach((mnt, i) => {
    const p = path.index(i);
    const m = isRecord(mnt) ? mnt : {};
    if (!m.name) errs.push(required(p.child('name'), ''));
    if (!ctx.volumes.has(m.name)) errs.push(notFound(p.child('name'), m.name ?? ''));
    if (!m.mountPath) errs.push(required(p.child('mountPath'), ''));
    if (m.mountPath && points.has(m.mountPath)) errs.push(invalid(p.child('mountPath'), m.mountPath, 'must be unique'));
    points.add(m.mountPath);
    if (typeof m.subPath === 'string' && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      errs.push(
        invalid(
          p.child('subPath'),
          m.subPath,
          m.subPath.startsWith('/') ? 'must be a relative path' : "must not contain '..'",
        ),
      );
    }
  });
  return errs;
}

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

/** validateHandler: exactly one handler type, each checked on its own. */
function validateHandler(h: Record<string, any>, path: Path, allowed: readonly string[]): ErrorList {
  const errs: ErrorList = [];
  let count = 0;
  for (const kind of HANDLERS) {
    if (h[kind] === undefined || !allowed.includes(kind)) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const a = isRecord(h[kind]) ? h[kind] : {};
    const p = path.child(kind);
    if (kind === 'exec' && !(Array.isArray(a.command) && a.command.length > 0))
      errs.push(required(p.child('command'), ''));
    if (kind === 'httpGet') {
      if (!a.path) errs.push(required(p.child('path'), ''));
      errs.push(...validatePortNumOrName(a.port, p.child('port')));
      if (a.scheme && !['HTTP', 'HTTPS'].includes(a.scheme))
        errs.push(notSupported(p.child('scheme'), a.scheme, ['HTTP', 'HTTPS']));
    }
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(a.port, p.child('port')));
    if (kind === 'grpc')
      for (const msg of isValidPortNum(a.port ?? 0)) errs.push(invalid(p.child('port'), a.port ?? 0, msg));
    if (kind === 'sleep' && typeof a.seconds === 'number' && a.seconds < 0) {
      errs.push(invalid(p.child('seconds'), a.seconds, 'must be greater than or equal to 0'));
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** ValidatePortNumOrName: a number in range, or an IANA service name. */
export function validatePortNumOrName(port: unknown, path: Path): ErrorList {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [invalid(path, port ?? 0, 'must be between 1 and 65535, inclusive')];
}

function validateLifecycle(lc: unknown, path: Path): ErrorList {
  if (!isRecord(lc)) return [];
  const errs: ErrorList = [];
  for (const hook of ['postStart', 'preStop']) {
    if (isRecord(lc[hook]))
      errs.push(...validateHandler(lc[hook], path.child(hook), ['exec', 'httpGet', 'tcpSocket', 'sleep']));
  }
  return errs;
}

const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function validateProbe(probe: unknown, path: Path, which: 'liveness' | 'readiness' | 'startup'): ErrorList {
  if (!isRecord(probe)) return [];
  const errs = validateHandler(probe, path, ['exec', 'httpGet', 'tcpSocket', 'grpc']);
  for (const f of NON_NEGATIVE) {
    if (typeof probe[f] === 'number' && probe[f] < 0) {
      errs.push(invalid(path.child(f), probe[f], 'must be greater than or equal to 0'));
    }
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (which === 'readiness' && grace !== undefined) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), grace, 'must not be set for readinessProbes'));
  } else if (typeof grace === 'number' && grace <= 0) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  }
  if (which !== 'readiness' && probe.successThreshold !== 1) {
    errs.push(invalid(path.child('successThreshold'), probe.successThreshold, 'must be 1'));
  }
  return errs;
}
