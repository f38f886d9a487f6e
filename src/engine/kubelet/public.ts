/**
 * What the public API asks of the kubelets: container logs and exec (the kubelet's
 * /containerLogs and /exec endpoints behind `kubectl logs` and `kubectl exec`, with
 * kubectl's error texts) and the chaos switches (a machine going down or coming back,
 * a container's process dying).
 */
import type { Container, Node, Pod } from '../api/types';
import type { ClusterCore } from '../cluster';
import type { ControllerContext } from '../controllers/context';
import type { ExecResult } from '../index';
import { podNetwork } from '../network/pod-network';
import { markExited, stepContainer } from './containers';
import { cri } from './cri';
import { dropUnfinished } from './images';
import { KUBELET } from './index';
import { machines } from './machines';
import { bootIdFor, NODE_KEY } from './nodeagent';
import { logText, type PodCtx, prune, pruneRec, type Slot, slots } from './podctx';
import { podKey } from './podworker';
import { type KubeletState, newKubeletState, type PodRec } from './state';

function kubelet(core: ClusterCore): { ctx: ControllerContext; st: KubeletState } {
  const ctx = core.context(KUBELET);
  return { ctx, st: ctx.state<KubeletState>(newKubeletState) };
}

/** A pod context outside a sync (logs, exec, chaos), or undefined when the pod has no live record. */
export function podCtx(core: ClusterCore, pod: Pod): PodCtx | undefined {
  const { ctx, st } = kubelet(core);
  const rec = st.pods[`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`];
  if (!rec || rec.uid !== pod.metadata.uid) return undefined;
  const node = core.store.get('Node', undefined, rec.node) as Node | undefined;
  const agent = st.nodes[rec.node];
  if (!node || !agent) return undefined;
  return { ctx, agent, rec, pod, node, now: core.clock.now() };
}

/** Brings a process up to now outside a sync; an exit it reveals is for the pod worker to act on. */
export function catchUp(p: PodCtx, s: Slot): void {
  const before = s.r.step;
  stepContainer(p, s, true);
  pruneRec(p.rec);
  if (s.r.step !== before) {
    p.ctx.enqueue(KUBELET, podKey(p.pod.metadata.namespace ?? 'default', p.pod.metadata.name));
  }
}

/** kubectl's default container: the annotation, else the first one. */
function defaultContainer(pod: Pod): string {
  return pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]?.name ?? '';
}

function findContainer(pod: Pod, name: string): Container | undefined {
  return (
    pod.spec.containers.find((c) => c.name === name) ?? (pod.spec.initContainers ?? []).find((c) => c.name === name)
  );
}

function nodeAddress(core: ClusterCore, node: string): string {
  const n = core.store.get('Node', undefined, node) as Node | undefined;
  return n?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? node;
}

export function readLogs(
  core: ClusterCore,
  namespace: string,
  podName: string,
  container: string | undefined,
  previous: boolean,
  timestamps = false,
): { ok: boolean; text: string } {
  const pod = core.store.get('Pod', namespace, podName) as Pod | undefined;
  if (!pod) return { ok: false, text: `Error from server (NotFound): pods "${podName}" not found` };
  const name = container ?? defaultContainer(pod);
  if (!findContainer(pod, name)) return { ok: false, text: `error: container ${name} is not valid for pod ${podName}` };
  const bad = (msg: string) => ({ ok: false, text: `Error from server (BadRequest): ${msg}` });
  const node = pod.spec.nodeName;
  if (node && machines(core).down[node] !== undefined) {
    const ip = nodeAddress(core, node);
    return {
      ok: false,
      text: `Error from server: Get "https://${ip}:10250/containerLogs/${namespace}/${podName}/${name}": dial tcp ${ip}:10250: connect: no route to host`,
    };
  }
  // validateContainerLogStatus: which instance the request means, from the pod's status.
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const cs = statuses.find((s) => s.name === name);
  const state = cs?.state ?? {};
  const last = cs?.lastState?.terminated as { containerID?: string } | undefined;
  const term = state.terminated as { containerID?: string } | undefined;
  let id: string | undefined;
  if (previous) {
    if (!last?.containerID) return bad(`previous terminated container "${name}" in pod "${podName}" not found`);
    id = last.containerID;
  } else if (state.running) id = cs?.containerID;
  else if (term) id = term.containerID || last?.containerID;
  else if (last?.containerID) id = last.containerID;
  else {
    const reason = state.waiting?.reason ?? 'ContainerCreating';
    const why =
      reason === 'ErrImagePull'
        ? "image can't be pulled"
        : reason === 'ImagePullBackOff'
          ? 'trying and failing to pull image'
          : reason;
    return bad(`container "${name}" in pod "${podName}" is waiting to start: ${why}`);
  }
  if (!id) return bad(`container "${name}" in pod "${podName}" is terminated`);
  const p = podCtx(core, pod);
  const s = p ? slots(p).find((x) => x.c.name === name) : undefined;
  if (!p || !s) return { ok: true, text: '' };
  catchUp(p, s);
  const bare = id.replace(/^containerd:\/\//, '');
  return { ok: true, text: logText(s.r.last && s.r.last.id === bare ? s.r.prevLog : s.r.log, timestamps) };
}

export function execInPod(
  core: ClusterCore,
  namespace: string,
  podName: string,
  command: string[],
  container?: string,
): ExecResult {
  const fail = (stderr: string): ExecResult => ({ stdout: '', stderr: `${stderr}\n`, exitCode: 1 });
  const pod = core.store.get('Pod', namespace, podName) as Pod | undefined;
  if (!pod) return fail(`Error from server (NotFound): pods "${podName}" not found`);
  const name = container ?? defaultContainer(pod);
  if (!findContainer(pod, name)) return fail(`error: container ${name} not found`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const node = pod.spec.nodeName;
  if (node && machines(core).down[node] !== undefined) {
    return fail(
      `Error from server: error dialing backend: dial tcp ${nodeAddress(core, node)}:10250: connect: no route to host`,
    );
  }
  const p = podCtx(core, pod);
  const s = p ? slots(p).find((x) => x.c.name === name) : undefined;
  if (p && s) catchUp(p, s);
  if (!p || !s || s.r.step !== 'running' || !s.r.proc || !p.rec.sandbox) {
    return fail(`error: unable to upgrade connection: container not found ("${name}")`);
  }
  const out = cri().runtime.execInContainer(s.r.proc, p.rec.sandbox, command, p.now, podNetwork(core, pod));
  // "command terminated with exit code N" is kubectl's line, added by kubectl exec.
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
}

/** The machine stops: no heartbeats, no status, its containers gone. The API keeps the last status. */
export function killNode(core: ClusterCore, name: string): void {
  if (!core.store.get('Node', undefined, name)) return;
  const m = machines(core);
  if (m.down[name] !== undefined) return;
  m.down[name] = core.clock.now();
}

/**
 * The machine boots again: the kubelet restarts (Starting, Rebooted, NodeReady), every
 * pod still bound here gets a new sandbox and its containers start again (the old ones
 * show as terminated with reason Unknown, exit code 255), pods deleted meanwhile are
 * cleaned up.
 */
export function restoreNode(core: ClusterCore, name: string): void {
  const m = machines(core);
  const downAt = m.down[name];
  if (downAt === undefined) return;
  delete m.down[name];
  const boot = (m.boots[name] ?? 0) + 1;
  m.boots[name] = boot;
  const { ctx, st } = kubelet(core);
  const agent = st.nodes[name];
  if (agent) {
    agent.boot = boot;
    agent.bootID = bootIdFor(name, boot);
    agent.starting = true;
    dropUnfinished(agent, downAt);
    agent.ipam = { last: agent.ipam.last, used: {} };
    agent.lastLeaseRenew = -1e12;
    agent.lastStatusCheck = -1e12;
    agent.timerAt = undefined;
    prune(agent);
  }
  for (const [key, rec] of Object.entries(st.pods)) {
    if (rec.node !== name) continue;
    const slash = key.indexOf('/');
    const pod = core.store.get('Pod', key.slice(0, slash), key.slice(slash + 1)) as Pod | undefined;
    if (!pod || pod.metadata.uid !== rec.uid) {
      delete st.pods[key];
      continue;
    }
    reboot(rec, boot, downAt, core.clock.now());
    pruneRec(rec);
  }
  ctx.enqueue(KUBELET, `${NODE_KEY}${name}`);
  for (const pod of core.store.list('Pod') as Pod[]) {
    if (pod.spec.nodeName === name)
      ctx.enqueue(KUBELET, podKey(pod.metadata.namespace ?? 'default', pod.metadata.name));
  }
}

/**
 * What a reboot leaves of a pod's containers: nothing the runtime can find. A container
 * the API last saw running becomes terminated with ContainerStatusUnknown (exit 137),
 * as convertToAPIContainerStatuses reports it, and starts again in a new sandbox.
 */
function reboot(rec: PodRec, boot: number, downAt: number, now: number): void {
  rec.boot = boot;
  rec.sandbox = undefined;
  rec.sandboxAt = undefined;
  rec.timerAt = undefined;
  rec.terminating = undefined;
  if (rec.finished) return;
  rec.ip = undefined;
  rec.hadSandbox = true;
  for (const r of [...rec.init, ...rec.containers]) {
    r.stopping = undefined;
    r.probes = undefined;
    r.wake = undefined;
    if (r.step === 'running') {
      r.exit = {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
        startedAt: r.startedAt ?? downAt,
        finishedAt: downAt,
        id: r.id ?? '',
        lost: true,
      };
      r.proc = undefined;
      r.step = 'exited';
      r.at = now;
    } else if (r.step === 'pulling' || r.step === 'creating') {
      r.step = 'waiting';
      r.at = undefined;
      r.pull = undefined;
    } else if (r.step === 'exited' && r.exit?.exitCode === 0 && rec.init.includes(r)) {
      // A new sandbox runs the init containers again.
      r.step = 'waiting';
      r.at = undefined;
    }
  }
}

/** The container's main process dies (exit code 1, reason Error); the restart policy takes it from there. */
export function crashContainer(core: ClusterCore, namespace: string, podName: string, container?: string): void {
  const pod = core.store.get('Pod', namespace, podName) as Pod | undefined;
  if (!pod) return;
  const node = pod.spec.nodeName;
  if (node && machines(core).down[node] !== undefined) return;
  const p = podCtx(core, pod);
  if (!p) return;
  const name = container ?? defaultContainer(pod);
  const s: Slot | undefined = slots(p).find((x) => x.c.name === name);
  if (!s) return;
  catchUp(p, s);
  if (s.r.step !== 'running') return;
  markExited(p, s, {
    exitCode: 1,
    reason: 'Error',
    startedAt: s.r.startedAt ?? p.now,
    finishedAt: p.now,
    id: s.r.id ?? '',
  });
  pruneRec(p.rec);
  p.ctx.enqueue(KUBELET, podKey(namespace, podName));
}
