/**
 * The inspector's data: everything the panel shows about one object (status line,
 * conditions, containers, YAML, events, owners and dependants, why it exists, the
 * scheduler's decision), read from the engine and sent as plain data. `Inspector`
 * keeps the one object the learner selected and re-sends it while it changes.
 */
import { lookupKind } from '../engine/api/kinds';
import { fromLabelSelector, matches } from '../engine/api/labels';
import { bytes, cpuMilli, formatBytes, formatCpu } from '../engine/api/quantity';
import type { Watcher } from '../engine/api/store';
import type { Condition, ContainerState, ContainerStatus, KubeEvent, KubeObject, Node, Pod } from '../engine/api/types';
import type { Cluster } from '../engine/index';
import { podColumns } from '../engine/kubectl/podstatus';
import { printerFor } from '../engine/kubectl/printers';
import { fromTimestamp } from '../engine/sim/clock';
import type {
  ConditionRow,
  ContainerRow,
  ContainerStateRow,
  InspectedEvent,
  Inspection,
  InspectRef,
  RelatedObject,
  WhyEvent,
} from '../protocol/inspection';
import { WORKLOAD_KINDS, type WorkerMessage } from '../protocol/messages';
import { readableBytes } from './view';

/** How far up an owner chain goes (Pod ← ReplicaSet ← Deployment is 2; a cycle must stop). */
const MAX_OWNERS = 5;
/** Dependants listed at most (a node can run many pods). */
const MAX_DEPENDANTS = 50;
/** Kinds whose objects may be owned by a controller, searched for dependants. */
const OWNED_KINDS = ['Pod', ...WORKLOAD_KINDS, 'ControllerRevision', 'EndpointSlice'];

/** The object's canonical ref: the registered kind, the namespace only for namespaced kinds. */
export function normalizeRef(ref: InspectRef): InspectRef {
  const info = lookupKind(ref.kind);
  const kind = info?.kind ?? ref.kind;
  if (info && !info.namespaced) return { kind, name: ref.name };
  return { kind, namespace: ref.namespace || 'default', name: ref.name };
}

export function inspect(cluster: Cluster, target: InspectRef): Inspection {
  const ref = normalizeRef(target);
  const obj = cluster.get(ref.kind, ref.name, ref.namespace);
  const empty: Inspection = {
    ref,
    exists: false,
    facts: [],
    conditions: [],
    containers: [],
    yaml: '',
    events: [],
    owners: [],
    dependants: { relation: 'owns', objects: [] },
  };
  if (!obj) return empty;
  const all = cluster.events();
  const events = eventsOf(all, ref, obj.metadata.uid);
  const out: Inspection = {
    ...empty,
    exists: true,
    uid: obj.metadata.uid,
    facts: factsOf(cluster, obj),
    conditions: conditionsOf(obj),
    containers: obj.kind === 'Pod' ? containersOf(obj as Pod) : [],
    yaml: yamlOf(cluster, ref),
    events,
    owners: ownerChain(cluster, obj),
    dependants: dependantsOf(cluster, obj),
  };
  if (obj.metadata.creationTimestamp) out.createdAt = fromTimestamp(obj.metadata.creationTimestamp);
  if (obj.metadata.deletionTimestamp) out.deletingAt = fromTimestamp(obj.metadata.deletionTimestamp);
  const why = whyOf(all, obj, ref, events);
  if (why) out.why = why;
  if (obj.kind === 'Pod') {
    const decision = cluster.schedulingDecision(ref.namespace ?? 'default', ref.name);
    if (decision) out.scheduling = decision;
    const pod = obj as Pod;
    if (!pod.spec?.nodeName) {
      const failed = [...events].reverse().find((e) => e.reason === 'FailedScheduling');
      if (failed) out.failedScheduling = failed.message;
    }
  }
  return out;
}

function sameObject(e: KubeEvent, ref: InspectRef, uid: string | undefined): boolean {
  const o = e.involvedObject;
  if (o.kind !== ref.kind || o.name !== ref.name) return false;
  if ((o.namespace || undefined) !== (ref.namespace || undefined)) {
    // Node events are recorded with namespace "default" by some components; cluster-scoped refs ignore it.
    if (ref.namespace !== undefined) return false;
  }
  // An earlier object of the same name has other events.
  return !(uid && o.uid && o.uid !== uid);
}

/** kubectl describe's Events section: this object's events, oldest first. */
export function eventsOf(all: readonly KubeEvent[], ref: InspectRef, uid?: string): InspectedEvent[] {
  return all.filter((e) => sameObject(e, ref, uid)).map(eventRow);
}

function eventRow(e: KubeEvent): InspectedEvent {
  const first = e.firstTimestamp || e.lastTimestamp;
  const last = e.lastTimestamp || e.firstTimestamp;
  return {
    type: e.type,
    reason: e.reason,
    // kubectl describe prints the source component (newer events: reportingComponent).
    from: e.source?.component || e.reportingComponent || '',
    message: e.message,
    count: e.count,
    firstAt: first ? fromTimestamp(first) : 0,
    lastAt: last ? fromTimestamp(last) : 0,
  };
}

/**
 * The event that explains the object: the newest event its controller recorded about
 * it (SuccessfulCreate "Created pod: web-x", ScalingReplicaSet "Scaled up replica set
 * web-y to 3"), else the object's own newest event.
 */
function whyOf(
  all: readonly KubeEvent[],
  obj: KubeObject,
  ref: InspectRef,
  own: InspectedEvent[],
): WhyEvent | undefined {
  const owner = obj.metadata.ownerReferences?.find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
  if (owner) {
    const ownerRef = normalizeRef({ kind: owner.kind, namespace: ref.namespace, name: owner.name });
    const mentions = new RegExp(`(^|[\\s:"])${escapeRegExp(obj.metadata.name)}($|[\\s,."])`);
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i];
      if (sameObject(e, ownerRef, owner.uid) && mentions.test(e.message)) return { ...eventRow(e), on: ownerRef };
    }
  }
  const last = own[own.length - 1];
  return last ? { ...last, on: ref } : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function factsOf(cluster: Cluster, obj: KubeObject): Inspection['facts'] {
  if (obj.kind === 'Pod') {
    const p = obj as Pod;
    const cols = podColumns(p);
    return [
      { label: 'Status', value: cols.status },
      { label: 'Ready', value: cols.ready },
      { label: 'Restarts', value: String(cols.restarts) },
      { label: 'Node', value: p.spec?.nodeName || '<none>' },
      { label: 'IP', value: p.status?.podIP || '<none>' },
      { label: 'Phase', value: p.status?.phase ?? 'Pending' },
    ];
  }
  if (obj.kind === 'Node') return nodeFacts(cluster, obj as Node);
  // Everything else: the kind's kubectl get row (NAME is the header already).
  const printer = printerFor(obj.kind);
  const columns = printer.headers(false);
  const cells = printer.row(obj, { now: cluster.now(), wide: false, cluster });
  return columns.map((label, i) => ({ label, value: cells[i] ?? '' })).filter((f) => f.label !== 'NAME');
}

function nodeFacts(cluster: Cluster, n: Node): Inspection['facts'] {
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  let cpu = 0;
  let memory = 0;
  for (const p of cluster.list('Pod') as Pod[]) {
    if (p.spec?.nodeName !== n.metadata.name) continue;
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    // A pod's effective request: its containers' sum, or its largest init container if larger.
    let podCpu = 0;
    let podMemory = 0;
    for (const c of p.spec.containers ?? []) {
      podCpu += cpuMilli(c.resources?.requests?.cpu);
      podMemory += bytes(c.resources?.requests?.memory);
    }
    for (const c of p.spec.initContainers ?? []) {
      podCpu = Math.max(podCpu, cpuMilli(c.resources?.requests?.cpu));
      podMemory = Math.max(podMemory, bytes(c.resources?.requests?.memory));
    }
    cpu += podCpu;
    memory += podMemory;
  }
  const alloc = n.status?.allocatable ?? {};
  const taints = (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  return [
    { label: 'Status', value: status.join(',') },
    { label: 'CPU requested', value: `${formatCpu(cpu)} / ${alloc.cpu ?? '0'}` },
    { label: 'Memory requested', value: `${formatBytes(memory)} / ${readableBytes(bytes(alloc.memory))}` },
    { label: 'Taints', value: taints.length > 0 ? taints.join(', ') : '<none>' },
  ];
}

function conditionsOf(obj: KubeObject): ConditionRow[] {
  const status = (obj as { status?: { conditions?: Condition[] } }).status;
  const conditions = Array.isArray(status?.conditions) ? status.conditions : [];
  return conditions.map((c) => {
    const row: ConditionRow = { type: c.type, status: c.status, reason: c.reason ?? '', message: c.message ?? '' };
    if (c.lastTransitionTime) row.lastTransition = fromTimestamp(c.lastTransitionTime);
    return row;
  });
}

function containersOf(p: Pod): ContainerRow[] {
  const rows = (specs: { name: string; image?: string }[] = [], statuses: ContainerStatus[] = [], init: boolean) =>
    specs.map((c): ContainerRow => {
      const s = statuses.find((x) => x.name === c.name);
      const row: ContainerRow = {
        name: c.name,
        image: c.image ?? '',
        init,
        ready: s?.ready ?? false,
        restartCount: s?.restartCount ?? 0,
      };
      const state = s && stateRow(s.state);
      if (state) row.state = state;
      const last = s && stateRow(s.lastState);
      if (last) row.lastState = last;
      return row;
    });
  return [
    ...rows(p.spec?.initContainers, p.status?.initContainerStatuses, true),
    ...rows(p.spec?.containers, p.status?.containerStatuses, false),
  ];
}

function stateRow(s: ContainerState | undefined): ContainerStateRow | undefined {
  if (!s) return undefined;
  const at = (ts?: string) => (ts ? fromTimestamp(ts) : undefined);
  const clean = (row: ContainerStateRow) =>
    Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as unknown as ContainerStateRow;
  if (s.waiting) return clean({ state: 'Waiting', reason: s.waiting.reason, message: s.waiting.message });
  if (s.running) return clean({ state: 'Running', startedAt: at(s.running.startedAt) });
  if (s.terminated) {
    const t = s.terminated;
    return clean({
      state: 'Terminated',
      reason: t.reason,
      message: t.message,
      exitCode: t.exitCode,
      startedAt: at(t.startedAt),
      finishedAt: at(t.finishedAt),
    });
  }
  return undefined;
}

function yamlOf(cluster: Cluster, ref: InspectRef): string {
  const info = lookupKind(ref.kind);
  const resource = info ? info.kind.toLowerCase() : ref.kind.toLowerCase();
  const ns = ref.namespace ? ` -n ${ref.namespace}` : '';
  const r = cluster.kubectl(`get ${resource} ${ref.name}${ns} -o yaml`);
  return r.exitCode === 0 ? r.stdout : r.stderr;
}

function related(cluster: Cluster, ref: InspectRef): RelatedObject {
  const norm = normalizeRef(ref);
  const o = cluster.get(norm.kind, norm.name, norm.namespace);
  const out: RelatedObject = { ...norm, exists: o !== undefined };
  if (o?.kind === 'Pod') out.status = podColumns(o as Pod).status;
  return out;
}

/** The controller owner chain, nearest first (Pod ← ReplicaSet ← Deployment). */
export function ownerChain(cluster: Cluster, obj: KubeObject): RelatedObject[] {
  const chain: RelatedObject[] = [];
  const seen = new Set<string>([obj.metadata.uid]);
  let cur: KubeObject | undefined = obj;
  while (cur && chain.length < MAX_OWNERS) {
    const ref = cur.metadata.ownerReferences?.find((r) => r.controller) ?? cur.metadata.ownerReferences?.[0];
    if (!ref || seen.has(ref.uid)) break;
    seen.add(ref.uid);
    const owner = related(cluster, { kind: ref.kind, namespace: cur.metadata.namespace, name: ref.name });
    chain.push(owner);
    cur = owner.exists ? cluster.get(owner.kind, owner.name, owner.namespace) : undefined;
  }
  return chain;
}

/** What the object owns; for a Service the pods it selects; for a node the pods bound to it. */
export function dependantsOf(cluster: Cluster, obj: KubeObject): Inspection['dependants'] {
  const ns = obj.metadata.namespace;
  const limit = (list: RelatedObject[]) => list.slice(0, MAX_DEPENDANTS);
  if (obj.kind === 'Node') {
    const pods = (cluster.list('Pod') as Pod[]).filter((p) => p.spec?.nodeName === obj.metadata.name);
    return { relation: 'runs', objects: limit(pods.map(podRelated)) };
  }
  if (obj.kind === 'Service') {
    const selector = (obj as { spec?: { selector?: Record<string, string> } }).spec?.selector;
    if (!selector || Object.keys(selector).length === 0) return { relation: 'selects', objects: [] };
    const sel = fromLabelSelector({ matchLabels: selector });
    const pods = (cluster.list('Pod', ns) as Pod[]).filter((p) => matches(sel, p.metadata.labels ?? {}));
    return { relation: 'selects', objects: limit(pods.map(podRelated)) };
  }
  const owned: RelatedObject[] = [];
  for (const kind of OWNED_KINDS) {
    if (!lookupKind(kind)) continue;
    for (const o of cluster.list(kind, ns)) {
      if (o.metadata.ownerReferences?.some((r) => r.uid === obj.metadata.uid)) {
        owned.push(o.kind === 'Pod' ? podRelated(o as Pod) : { ...normalizeRef(refOf(o)), exists: true });
      }
    }
  }
  return { relation: 'owns', objects: limit(owned) };
}

function refOf(o: KubeObject): InspectRef {
  return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name };
}

function podRelated(p: Pod): RelatedObject {
  return { ...normalizeRef(refOf(p)), exists: true, status: podColumns(p).status };
}

/**
 * The selected object, kept live: the host forwards every store change and asks for a
 * flush at its view throttle; the inspection is re-sent only when it reads differently.
 */
export class Inspector {
  private target: { id?: number; ref: InspectRef } | null = null;
  private dirty = false;
  private last = '';

  /** Store changes: anything may touch the inspected object's events, owners or dependants. */
  readonly observe: Watcher = () => {
    if (this.target) this.dirty = true;
  };

  /** A new cluster (reset, restore): the object is looked up again. */
  markDirty(): void {
    if (this.target) this.dirty = true;
  }

  /** The inspect command: answers at once, then follows the object. */
  start(cluster: Cluster, id: number | undefined, ref: InspectRef | null, post: (m: WorkerMessage) => void): void {
    this.target = ref ? { id, ref: normalizeRef(ref) } : null;
    this.last = '';
    this.dirty = false;
    if (this.target) this.send(cluster, post);
  }

  /** Called at the view throttle; sends only when something changed. */
  flush(cluster: Cluster, post: (m: WorkerMessage) => void): void {
    if (!this.target || !this.dirty) return;
    this.dirty = false;
    this.send(cluster, post);
  }

  private send(cluster: Cluster, post: (m: WorkerMessage) => void): void {
    if (!this.target) return;
    const data = inspect(cluster, this.target.ref);
    const key = JSON.stringify(data);
    if (key === this.last) return;
    this.last = key;
    post({ type: 'inspection', id: this.target.id, data });
  }
}
