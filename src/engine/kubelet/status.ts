/**
 * The pod status the kubelet posts, generated from its records: container statuses
 * (convertToAPIContainerStatuses), phase (getPhase), conditions, IPs, startTime and
 * QoS class. Mirrors pkg/kubelet/kubelet_pods.go generateAPIPodStatus; written only
 * when it differs from what the API server holds, as the status manager does.
 */
import { jsonEqual } from '../api/store';
import type { Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types';
import { podConditions } from './conditions';
import { hostIP } from './containers';
import { cri } from './cri';
import { getPhase } from './phase';
import type { PodCtx, Slot } from './podctx';
import { slots } from './podctx';
import { isReady, isStarted } from './probes';
import { qosClass } from './qos';
import type { ContainerRec, Termination } from './state';

function ts(p: PodCtx, ms: number): string {
  return p.ctx.clock.timestamp(ms);
}

function terminated(p: PodCtx, t: Termination): ContainerState {
  if (t.lost) {
    return { terminated: { exitCode: t.exitCode, reason: t.reason, ...(t.message ? { message: t.message } : {}) } };
  }
  return {
    terminated: {
      exitCode: t.exitCode,
      ...(t.signal ? { signal: t.signal } : {}),
      reason: t.reason,
      ...(t.message ? { message: t.message } : {}),
      startedAt: t.neverStarted ? '1970-01-01T00:00:00Z' : ts(p, t.startedAt),
      finishedAt: ts(p, t.finishedAt),
      containerID: `containerd://${t.id}`,
    },
  } as ContainerState;
}

/** state and lastState of one container (r.exit is the latest instance until a new one runs). */
function states(
  p: PodCtx,
  r: ContainerRec,
  defaultReason: string,
): { state: ContainerState; lastState: ContainerState } {
  const last: ContainerState = r.last ? terminated(p, r.last) : {};
  switch (r.step) {
    case 'running':
      return { state: { running: { startedAt: ts(p, r.startedAt ?? p.now) } }, lastState: last };
    case 'exited':
      return { state: r.exit ? terminated(p, r.exit) : { waiting: { reason: defaultReason } }, lastState: last };
    default: {
      const waiting = r.reason
        ? { waiting: { reason: r.reason, ...(r.message ? { message: r.message } : {}) } }
        : undefined;
      if (r.exit) {
        // Restarting: until the new instance exists the runtime's latest container is the dead one.
        return waiting
          ? { state: waiting, lastState: terminated(p, r.exit) }
          : { state: terminated(p, r.exit), lastState: last };
      }
      return { state: waiting ?? { waiting: { reason: defaultReason } }, lastState: last };
    }
  }
}

/** The pulled reference, unless the spec moved on to an image not pulled yet (then the spec's). */
function imageOf(c: Container, r: ContainerRec): string {
  if (!r.imageRef) return c.image;
  if (r.image === undefined || r.image === c.image) return r.imageRef;
  return cri().normalizeImageRef(c.image) === r.imageRef ? r.imageRef : c.image;
}

function containerStatus(p: PodCtx, s: Slot, defaultReason: string): ContainerStatus {
  const { c, r } = s;
  const { state, lastState } = states(p, r, defaultReason);
  const info = r.imageRef ? cri().lookupImage(r.imageRef) : undefined;
  const id = r.step === 'running' || r.exit ? (r.exit && r.step !== 'running' ? r.exit.id : r.id) : undefined;
  let ready: boolean;
  if (s.init && !s.sidecar) ready = r.step === 'exited' && r.exit?.exitCode === 0;
  else ready = isReady(c, r) && !(r.stopping && r.stopping.why !== 'delete');
  const out: ContainerStatus = {
    name: c.name,
    state,
    lastState,
    ready,
    restartCount: r.restarts,
    image: imageOf(c, r),
    imageID: info && (r.step === 'running' || r.exit) ? `${info.repository}@${info.digest}` : '',
    ...(id ? { containerID: `containerd://${id}` } : {}),
    started: isStarted(c, r),
  };
  return out;
}

/** Whether a regular container ever ran (the pod initialized at some point). */
function everStarted(all: Slot[]): boolean {
  return all.some((s) => !s.init && (s.r.step === 'running' || !!s.r.exit || !!s.r.last));
}

export function generateStatus(p: PodCtx): PodStatus {
  const { pod, rec } = p;
  const all = slots(p);
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const defaultReason = hasInit ? 'PodInitializing' : 'ContainerCreating';
  const init = all.filter((s) => s.init).map((s) => containerStatus(p, s, defaultReason));
  const main = all.filter((s) => !s.init).map((s) => containerStatus(p, s, defaultReason));
  const running = all.some((s) => s.r.step === 'running');
  const podIsTerminal = !!rec.terminating && !running;
  let phase = getPhase(pod.spec, [...init, ...main], podIsTerminal, everStarted(all));
  if (rec.deadlineExceeded) phase = 'Failed';
  const old = pod.status ?? ({} as PodStatus);
  const generation = pod.metadata.generation;
  const conditions = podConditions(
    pod.spec,
    [...init, ...main],
    phase,
    !!rec.sandbox && !rec.finished,
    old.conditions,
    ts(p, p.now),
    generation,
  );
  const host = hostIP(p);
  const status: PodStatus & Record<string, unknown> = {
    ...(generation !== undefined ? { observedGeneration: generation } : {}),
    phase,
    conditions,
    ...(host ? { hostIP: host, hostIPs: [{ ip: host }] } : {}),
    ...(rec.ip ? { podIP: rec.ip, podIPs: [{ ip: rec.ip }] } : {}),
    ...(rec.startTime !== undefined ? { startTime: ts(p, rec.startTime) } : {}),
    ...(init.length > 0 ? { initContainerStatuses: init } : {}),
    containerStatuses: main,
    // resources do not change under a running pod: the class is computed once
    qosClass: old.qosClass ?? qosClass(pod.spec),
  };
  if (rec.deadlineExceeded) {
    status.reason = 'DeadlineExceeded';
    status.message = `Pod was active on the node longer than the specified deadline`;
  }
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  return status;
}

/** Posts the status if it changed; returns the pod as stored afterwards. */
export function writeStatus(p: PodCtx): Pod {
  const status = generateStatus(p);
  if (jsonEqual(p.pod.status, status)) return p.pod;
  const next = p.ctx.api.updateStatus({ ...p.pod, status }) as Pod;
  p.pod = next;
  return next;
}

export function containerByName(pod: Pod, name: string): { c: Container; init: boolean } | undefined {
  const c = pod.spec.containers.find((x) => x.name === name);
  if (c) return { c, init: false };
  const i = (pod.spec.initContainers ?? []).find((x) => x.name === name);
  return i ? { c: i, init: true } : undefined;
}
