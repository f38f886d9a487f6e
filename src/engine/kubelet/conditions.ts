/**
 * The pod conditions the kubelet owns, generated from container statuses.
 * Mirrors pkg/kubelet/status/generate.go and the ordering in generateAPIPodStatus.
 */
import type { Condition, ContainerStatus, PodSpec, PodStatus } from '../api/types';
import { goList } from './format';
import { isRestartableInitContainer } from './phase';

/** Condition types written by the kubelet (kubetypes.PodConditionsByKubelet). */
export const KUBELET_CONDITIONS = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
  'PodResizePending',
  'PodResizeInProgress',
]);

interface Generated {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function find(info: ContainerStatus[], name: string): ContainerStatus | undefined {
  for (const s of info) if (s.name === name) return s;
  return undefined;
}

function containersReady(spec: PodSpec, info: ContainerStatus[], phase: PodStatus['phase']): Generated {
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string) => {
    const s = find(info, name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  for (const c of spec.initContainers ?? []) if (isRestartableInitContainer(c)) check(c.name);
  for (const c of spec.containers) check(c.name);
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  }
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0) {
    return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  }
  return { type: 'ContainersReady', status: 'True' };
}

function initialized(spec: PodSpec, info: ContainerStatus[], phase: PodStatus['phase']): Generated {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = find(info, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    const done = isRestartableInitContainer(c) ? s.started === true : s.ready;
    if (!done) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  }
  // A regular container that has started means the pod initialized before.
  const anyStarted = spec.containers.some((c) => {
    const s = find(info, c.name);
    return !!s && (s.state.running !== undefined || s.state.terminated !== undefined || !!s.lastState.terminated);
  });
  if (anyStarted) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) {
    return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  }
  return { type: 'Initialized', status: 'True' };
}

/** GeneratePodReadyCondition: ContainersReady, then every readiness gate's condition must be True. */
function podReady(spec: PodSpec, containers: Generated, old: Condition[] | undefined): Generated {
  if (containers.status !== 'True') return { ...containers, type: 'Ready' };
  const messages: string[] = [];
  for (const gate of (spec.readinessGates ?? []) as { conditionType: string }[]) {
    const c = old?.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') {
      messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
    }
  }
  if (messages.length > 0) {
    return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  }
  return { type: 'Ready', status: 'True' };
}

/**
 * The kubelet's conditions in upstream order, with lastTransitionTime kept from `old`
 * when a condition's status did not change. Conditions owned by others are kept first.
 */
export function podConditions(
  spec: PodSpec,
  info: ContainerStatus[],
  phase: PodStatus['phase'],
  sandboxReady: boolean,
  old: Condition[] | undefined,
  timestamp: string,
  observedGeneration: number | undefined,
): Condition[] {
  const ready0 = containersReady(spec, info, phase);
  const generated: Generated[] = [
    { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' },
    initialized(spec, info, phase),
    podReady(spec, ready0, old),
    ready0,
    { type: 'PodScheduled', status: 'True' },
  ];
  const out: Condition[] = [];
  for (const c of old ?? []) if (!KUBELET_CONDITIONS.has(c.type)) out.push(c);
  for (const g of generated) {
    const prev = old?.find((c) => c.type === g.type);
    const cond: Condition & { observedGeneration?: number } = {
      type: g.type,
      status: g.status,
      lastProbeTime: null,
      lastTransitionTime:
        prev && prev.status === g.status && prev.lastTransitionTime ? prev.lastTransitionTime : timestamp,
    };
    if (observedGeneration !== undefined) cond.observedGeneration = observedGeneration;
    if (g.reason) cond.reason = g.reason;
    if (g.message) cond.message = g.message;
    out.push(cond);
  }
  return out;
}
