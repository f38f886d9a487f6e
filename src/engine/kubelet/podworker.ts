/**
 * The pod worker: one sync of one pod on its node. Creates the sandbox, runs init
 * containers in order (native sidecars start first and keep running), starts the app
 * containers, runs due probes, handles exits and restarts, terminates on deletion and
 * posts the status. Mirrors pkg/kubelet/pod_workers.go + kubelet.go SyncPod and
 * kuberuntime_manager.go computePodActions/SyncPod, as a step machine on sim time:
 * each sync does what is due now and asks for one timer at the next due moment.
 */
import type { Node, Pod } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import { podResolvConf } from '../network/resolv-conf';
import { admitPod, type Rejection } from './admission';
import { advanceStart, hostIP, stepContainer, wantsRestart } from './containers';
import { allocateIP, releaseIP } from './ipam';
import { ensureAgent } from './nodeagent';
import { emitPod, newContainerRec, type PodCtx, pruneRec, type Slot, slots } from './podctx';
import { ConfigError, podVolumes } from './podenv';
import { isStarted, nextProbeAt, runDueProbes } from './probes';
import type { KubeletState, PodRec } from './state';
import { generateStatus, writeStatus } from './status';
import { nextStopAt, stepStopping, stopContainer, terminatePod, terminationGraceMs } from './termination';
import { refreshVolumes } from './volumes';

export const POD_KEY = 'p/';

export function podKey(ns: string, name: string): string {
  return `${POD_KEY}${ns}/${name}`;
}

function newPodRec(pod: Pod, boot: number, now: number): PodRec {
  return {
    uid: pod.metadata.uid,
    node: pod.spec.nodeName ?? '',
    boot,
    created: now,
    startTime: now,
    init: (pod.spec.initContainers ?? []).map((c) => newContainerRec(c.name)),
    containers: pod.spec.containers.map((c) => newContainerRec(c.name)),
    ...(pod.spec.hostNetwork ? { hostNetwork: true } : {}),
  };
}

/** Forgets a pod the API no longer has (or that moved): its containers are gone with it. */
export function dropRec(ctx: ControllerContext, st: KubeletState, key: string): void {
  const rec = st.pods[key];
  if (!rec) return;
  const agent = st.nodes[rec.node];
  const node = ctx.store.get('Node', undefined, rec.node) as Node | undefined;
  if (agent && !rec.hostNetwork) releaseIP(agent.ipam, node?.spec.podCIDR, rec.ip);
  delete st.pods[key];
}

export function syncPod(ctx: ControllerContext, st: KubeletState, ns: string, name: string): void {
  const key = `${ns}/${name}`;
  const now = ctx.clock.now();
  const pod = ctx.store.get('Pod', ns, name) as Pod | undefined;
  let rec: PodRec | undefined = st.pods[key];
  if (rec && (!pod || pod.metadata.uid !== rec.uid || pod.spec.nodeName !== rec.node)) {
    dropRec(ctx, st, key);
    rec = undefined;
  }
  const nodeName = pod?.spec.nodeName;
  if (!pod || !nodeName) return;
  if (ctx.machines().down[nodeName] !== undefined) return;
  const node = ctx.store.get('Node', undefined, nodeName) as Node | undefined;
  if (!node) return;
  const agent = ensureAgent(ctx, st, node);
  if (!rec) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      if (pod.metadata.deletionTimestamp) deleteNow(ctx, pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      // Nothing of it ever ran here: the kubelet confirms the deletion at once.
      deleteNow(ctx, pod);
      return;
    }
    rec = newPodRec(pod, agent.boot, now);
    const rejected = admitPod(pod, node, st, ctx.store);
    if (rejected) {
      reject(ctx, pod, rec, rejected);
      st.pods[key] = rec;
      pruneRec(rec);
      return;
    }
    st.pods[key] = rec;
  }
  if (rec.timerAt !== undefined && rec.timerAt <= now) rec.timerAt = undefined;
  const p: PodCtx = { ctx, agent, rec, pod, node, now };
  const all = slots(p);
  for (const s of all) {
    stepContainer(p, s, false);
    stepStopping(p, s);
  }
  if (pod.metadata.deletionTimestamp && isMirrorPod(pod)) {
    recreateMirrorPod(p, st, key);
    return;
  }
  if (pod.metadata.deletionTimestamp) {
    if (terminatePod(p, 'delete')) {
      finishDeletion(p, st, key);
      return;
    }
  } else if (!rec.finished) {
    checkDeadline(p);
    if (rec.deadlineExceeded) {
      if (terminatePod(p, 'deadline')) finish(p);
    } else {
      restartChanged(p, all);
      refreshVolumes(p);
      runProbes(p, all);
      progress(p, all);
      // Only a pod with nothing running or starting can be terminal: skip the full status otherwise.
      const settled = all.every((s) => s.r.step === 'exited' || (s.r.step === 'waiting' && s.r.exit !== undefined));
      const phase = settled || all.some((s) => s.init && !s.sidecar) ? generateStatus(p).phase : 'Running';
      if (phase === 'Succeeded' || phase === 'Failed' || regularDone(p, all)) {
        if (terminatePod(p, 'terminal')) finish(p);
      }
    }
  }
  writeStatus(p);
  schedule(p, key);
  pruneRec(rec);
}

/** Every regular container has exited for good: sidecars are stopped and the pod completes. */
function regularDone(p: PodCtx, all: Slot[]): boolean {
  let any = false;
  for (const s of all) {
    if (s.init) continue;
    any = true;
    if (s.r.step !== 'exited' || s.r.at !== undefined || wantsRestart(p, s)) return false;
  }
  return any;
}

/** A mirror pod only reflects a static pod from the node's manifest directory. */
function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

/**
 * Deleting a mirror pod does not stop its static pod: the kubelet's mirror pod manager
 * deletes the mirror and creates it again, and the containers keep running.
 */
function recreateMirrorPod(p: PodCtx, st: KubeletState, key: string): void {
  const old = p.pod;
  deleteNow(p.ctx, old);
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    deletionTimestamp: _d,
    deletionGracePeriodSeconds: _g,
    generation: _gen,
    ...meta
  } = old.metadata;
  let created: Pod;
  try {
    created = p.ctx.api.create({
      ...old,
      metadata: { ...meta, uid: '', resourceVersion: '', creationTimestamp: '' },
    }) as Pod;
  } catch {
    delete st.pods[key];
    return;
  }
  p.rec.uid = created.metadata.uid;
  p.pod = created;
  p.rec.timerAt = undefined;
  writeStatus(p);
  schedule(p, key);
  pruneRec(p.rec);
}

/** rejectPod: the pod fails at once with the admission reason, nothing of it runs. */
function reject(ctx: ControllerContext, pod: Pod, rec: PodRec, why: Rejection): void {
  rec.finished = true;
  rec.startTime = undefined;
  ctx.events.warning({ component: 'kubelet', host: rec.node }, pod, why.reason, why.message);
  ctx.api.updateStatus({
    ...pod,
    status: {
      ...pod.status,
      phase: 'Failed',
      reason: why.reason,
      message: `Pod was rejected: ${why.message}`,
      ...(pod.status?.qosClass ? { qosClass: pod.status.qosClass } : {}),
    },
  });
}

function deleteNow(ctx: ControllerContext, pod: Pod): void {
  try {
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  } catch {
    // already gone
  }
}

/** activeDeadlineSeconds: the kubelet fails the pod once it has been active that long. */
function checkDeadline(p: PodCtx): void {
  const ads = p.pod.spec.activeDeadlineSeconds as number | undefined;
  if (ads === undefined || p.rec.deadlineExceeded || p.rec.startTime === undefined) return;
  if (p.now - p.rec.startTime < ads * 1000) return;
  p.rec.deadlineExceeded = true;
  emitPod(p, 'Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
}

/** The pod reached a terminal phase: its sandbox goes, its address returns to the pool. */
function finish(p: PodCtx): void {
  const { rec } = p;
  rec.finished = true;
  rec.terminating = undefined;
  rec.sandbox = undefined;
  if (!rec.hostNetwork) releaseIP(p.agent.ipam, p.node.spec.podCIDR, rec.ip);
  for (const s of slots(p)) {
    s.r.at = undefined;
    s.r.retryAt = undefined;
    s.r.probes = undefined;
  }
}

/** Everything stopped: post the final status and remove the pod, as the status manager does. */
function finishDeletion(p: PodCtx, st: KubeletState, key: string): void {
  if (!p.rec.hostNetwork) releaseIP(p.agent.ipam, p.node.spec.podCIDR, p.rec.ip);
  p.rec.sandbox = undefined;
  const pod = writeStatus(p);
  delete st.pods[key];
  deleteNow(p.ctx, pod);
}

/** containerChanged: a new image in the spec kills the container; it restarts from the new one. */
function restartChanged(p: PodCtx, all: Slot[]): void {
  for (const s of all) {
    if (s.r.step === 'running' && !s.r.stopping && s.r.image !== undefined && s.r.image !== s.c.image) {
      stopContainer(p, s, 'spec', terminationGraceMs(p), true);
    }
  }
}

function runProbes(p: PodCtx, all: Slot[]): void {
  for (const s of all) {
    if (s.r.step !== 'running' || !s.r.probes || s.r.stopping) continue;
    const due = nextProbeAt(s.c, s.r);
    if (due === undefined || due > p.now) continue;
    stepContainer(p, s, true);
    if (s.r.step !== 'running') continue;
    const warn = (reason: string, message: string) =>
      p.ctx.events.record({ component: 'kubelet', host: p.rec.node }, p.pod, 'Warning', reason, message, {
        fieldPath: `spec.${s.init ? 'initContainers' : 'containers'}{${s.c.name}}`,
      });
    const out = runDueProbes(s.c, s.r, p.rec, p.now, warn);
    if (out.kill) {
      const probe = out.kill === 'liveness' ? s.c.livenessProbe : s.c.startupProbe;
      const graceS = probe?.terminationGracePeriodSeconds;
      const grace = graceS !== undefined ? graceS * 1000 : terminationGraceMs(p);
      const restart = s.sidecar || (p.pod.spec.restartPolicy ?? 'Always') !== 'Never';
      stopContainer(p, s, out.kill, grace, restart);
    }
  }
}

/** The sandbox, then init containers one by one, then the app containers. */
function progress(p: PodCtx, all: Slot[]): void {
  if (!ensureSandbox(p)) return;
  for (const s of all) {
    if (!s.init) continue;
    const { r } = s;
    if (s.sidecar) {
      if (r.step === 'running' && isStarted(s.c, r)) continue;
      const before = !!(r.exit || r.last);
      advanceStart(p, s);
      // A sidecar that has run before does not hold up the pod while it restarts.
      if (before || (r.step === 'running' && isStarted(s.c, r))) continue;
      return;
    }
    if (r.step === 'exited' && r.exit?.exitCode === 0) {
      if (r.at !== undefined && r.at > p.now) return;
      r.at = undefined;
      continue;
    }
    advanceStart(p, s);
    return;
  }
  for (const s of all) {
    if (s.init) continue;
    if (advanceStart(p, s) === 'busy') return;
  }
}

/** RunPodSandbox: the pause container, the network namespace and an IP, the volumes. */
function ensureSandbox(p: PodCtx): boolean {
  const { rec, pod, node, agent, now } = p;
  if (rec.sandbox) return true;
  if (rec.sandboxAt === undefined) {
    rec.sandboxAt = now + p.ctx.timings.sandboxStartMs;
    return false;
  }
  if (rec.sandboxAt > now) return false;
  let volumes: Record<string, Record<string, string>>;
  try {
    volumes = podVolumes(p.ctx.store, pod);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    emitPod(p, 'Warning', 'FailedMount', e.message);
    rec.sandboxAt = now + p.ctx.timings.podWorkerBackoffMs;
    return false;
  }
  const ip = rec.hostNetwork ? hostIP(p) : allocateIP(agent.ipam, node.spec.podCIDR, rec.uid);
  if (!ip) {
    emitPod(
      p,
      'Warning',
      'FailedCreatePodSandBox',
      `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="host-local" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${node.spec.podCIDR ?? ''}`,
    );
    rec.sandboxAt = now + p.ctx.timings.podWorkerBackoffMs;
    return false;
  }
  if (rec.hadSandbox) emitPod(p, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
  rec.sandbox = {
    podIP: ip,
    hostname: rec.hostNetwork ? node.metadata.name : String(pod.spec.hostname ?? pod.metadata.name),
    volumes,
    listening: {},
    dns: podResolvConf(pod),
  };
  rec.ip = ip;
  rec.hadSandbox = true;
  rec.sandboxAt = undefined;
  return true;
}

/** The next moment anything of this pod is due; one timer, only when there is one. */
function nextDue(p: PodCtx): number | undefined {
  const { rec, now } = p;
  let t = Number.POSITIVE_INFINITY;
  const consider = (x: number | undefined) => {
    if (x !== undefined && x > now && x < t) t = x;
  };
  if (!rec.sandbox && !rec.finished) consider(rec.sandboxAt);
  consider(rec.volumesAt);
  for (const s of slots(p)) {
    const r = s.r;
    if (r.step === 'pulling' || r.step === 'creating' || r.step === 'exited') consider(r.at);
    if (r.step === 'waiting') consider(r.retryAt);
    if (r.step === 'running') {
      consider(r.wake);
      // A container started in this very sync has its first readiness probe due now
      // (runProbes ran before it started): sync again at this instant, not a period later.
      const probeAt = nextProbeAt(s.c, r);
      if (probeAt !== undefined && probeAt <= now) t = now;
      else consider(probeAt);
      consider(nextStopAt(s));
    }
  }
  const ads = p.pod.spec.activeDeadlineSeconds as number | undefined;
  if (ads !== undefined && !rec.deadlineExceeded && !rec.finished && rec.startTime !== undefined) {
    consider(rec.startTime + ads * 1000);
  }
  return Number.isFinite(t) ? t : undefined;
}

function schedule(p: PodCtx, key: string): void {
  const t = nextDue(p);
  if (t === undefined) return;
  const { rec, now } = p;
  if (rec.timerAt !== undefined && rec.timerAt > now && rec.timerAt <= t) return;
  rec.timerAt = t;
  p.ctx.after(t - now, `${POD_KEY}${key}`);
}
