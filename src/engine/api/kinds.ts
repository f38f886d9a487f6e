/**
 * The kinds the API server serves, and the names kubectl accepts for them.
 * Later features add kinds by adding a row here (and a validator / defaulter).
 */

export interface KindInfo {
  kind: string;
  /** group/version as written in apiVersion ("v1", "apps/v1"). */
  apiVersion: string;
  /** lower-case plural resource name ("pods"). */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** kubectl's group-qualified name used in "deployment.apps/web created". */
  group: string;
}

const KINDS: KindInfo[] = [
  kind('Namespace', 'v1', 'namespaces', ['ns'], false),
  kind('Node', 'v1', 'nodes', ['no'], false),
  kind('Pod', 'v1', 'pods', ['po'], true),
  kind('Event', 'v1', 'events', ['ev'], true),
  kind('Lease', 'coordination.k8s.io/v1', 'leases', [], true),
  // configuration
  kind('ConfigMap', 'v1', 'configmaps', ['cm'], true),
  kind('Secret', 'v1', 'secrets', [], true),
  // workloads
  kind('ReplicationController', 'v1', 'replicationcontrollers', ['rc'], true),
  kind('ReplicaSet', 'apps/v1', 'replicasets', ['rs'], true),
  kind('Deployment', 'apps/v1', 'deployments', ['deploy'], true),
  kind('DaemonSet', 'apps/v1', 'daemonsets', ['ds'], true),
  kind('StatefulSet', 'apps/v1', 'statefulsets', ['sts'], true),
  kind('ControllerRevision', 'apps/v1', 'controllerrevisions', [], true),
  kind('Job', 'batch/v1', 'jobs', [], true),
  kind('CronJob', 'batch/v1', 'cronjobs', ['cj'], true),
  // storage: claims are served; nothing binds them yet, so they stay Pending
  kind('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', ['pvc'], true),
  // networking
  kind('Service', 'v1', 'services', ['svc'], true),
  kind('Endpoints', 'v1', 'endpoints', ['ep'], true),
  kind('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', [], true),
];

function kind(name: string, apiVersion: string, plural: string, shortNames: string[], namespaced: boolean): KindInfo {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return {
    kind: name,
    apiVersion,
    plural,
    singular: name.toLowerCase(),
    shortNames,
    namespaced,
    group,
  };
}

const byAlias = new Map<string, KindInfo>();
function index(info: KindInfo): void {
  const aliases = [info.kind, info.kind.toLowerCase(), info.plural, info.singular, ...info.shortNames];
  if (info.group) {
    aliases.push(`${info.plural}.${info.group}`, `${info.singular}.${info.group}`);
  }
  for (const a of aliases) byAlias.set(a, info);
}
for (const k of KINDS) index(k);

/** Adds a kind to the registry (used by features that bring new kinds). */
export function registerKind(info: KindInfo): void {
  if (!KINDS.some((k) => k.kind === info.kind)) KINDS.push(info);
  index(info);
}

/** Looks a kind up by Kind, plural, singular, short name or group-qualified name. */
export function lookupKind(name: string): KindInfo | undefined {
  return byAlias.get(name) ?? byAlias.get(name.toLowerCase());
}

/** The kind served at exactly this apiVersion, if any. */
export function lookupKindVersion(kindName: string, apiVersion: string): KindInfo | undefined {
  const info = KINDS.find((k) => k.kind === kindName);
  return info && info.apiVersion === apiVersion ? info : undefined;
}

export function allKinds(): readonly KindInfo[] {
  return KINDS;
}

/** kubectl's "pod/web", "deployment.apps/web" resource reference. */
export function resourceRef(info: KindInfo, name: string): string {
  return info.group ? `${info.singular}.${info.group}/${name}` : `${info.singular}/${name}`;
}

/** schema.GroupResource's String(): "deployments.apps", or "pods" for the core group, as API errors name it. */
export function qualifiedResource(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}
