/**
 * The chaos and maintenance commands. Node maintenance runs the kubectl a cluster
 * operator would type (cordon, uncordon, drain with the usual flags), so the learner
 * sees the same output and the same refusals; the rest call the engine's chaos API.
 */
import type { Cluster } from '../engine/index';
import type { Command } from '../protocol/messages';

export type ChaosCommand = Extract<Command, { type: 'chaos' }>;

export interface ChaosOutcome {
  ok: boolean;
  /** what kubectl printed (stdout then stderr), or one line saying what happened */
  output: string;
}

/** kubectl drain as the Kubernetes docs run it before maintenance (Safely Drain a Node). */
export function drainLine(node: string): string {
  return `drain ${node} --ignore-daemonsets --delete-emptydir-data`;
}

export function runChaos(cluster: Cluster, cmd: ChaosCommand): ChaosOutcome {
  switch (cmd.action) {
    case 'killNode':
      cluster.chaos.killNode(cmd.node);
      return { ok: true, output: `machine under node/${cmd.node} switched off` };
    case 'restoreNode':
      cluster.chaos.restoreNode(cmd.node);
      return { ok: true, output: `machine under node/${cmd.node} switched on` };
    case 'killPod': {
      const r = cluster.delete('Pod', cmd.name, cmd.namespace);
      return r.ok
        ? { ok: true, output: `pod "${cmd.name}" deleted` }
        : { ok: false, output: r.errors.map((e) => e.message).join('\n') };
    }
    case 'crashContainer': {
      if (!cluster.get('Pod', cmd.name, cmd.namespace)) {
        return { ok: false, output: `pods "${cmd.name}" not found` };
      }
      cluster.chaos.crashContainer(cmd.namespace, cmd.name, cmd.container);
      return { ok: true, output: `container in pod/${cmd.name} crashed` };
    }
    case 'addNode': {
      const name = cluster.chaos.addNode();
      return { ok: true, output: `node/${name} joined the cluster` };
    }
    case 'cordonNode':
      return kubectl(cluster, `cordon ${cmd.node}`);
    case 'uncordonNode':
      return kubectl(cluster, `uncordon ${cmd.node}`);
    case 'drainNode':
      return kubectl(cluster, drainLine(cmd.node));
    default:
      throw new Error(`unknown chaos action ${JSON.stringify((cmd as { action?: unknown }).action)}`);
  }
}

function kubectl(cluster: Cluster, line: string): ChaosOutcome {
  const r = cluster.kubectl(line);
  return { ok: r.exitCode === 0, output: `$ kubectl ${line}\n${r.stdout}${r.stderr}`.trimEnd() };
}

/** Runs the clock to the next pending timer; returns how far it went (0 if none is set). */
export function skipToNextEvent(cluster: Cluster, advance: (ms: number) => void): number {
  const at = cluster.nextTimerAt();
  if (at === undefined) return 0;
  const ms = Math.max(0, at - cluster.now());
  advance(ms);
  return ms;
}
