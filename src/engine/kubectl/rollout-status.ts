/**
 * kubectl rollout status (kubectl pkg/cmd/rollout/rollout_status.go with the status
 * viewers of polymorphichelpers/rollout_status.go).
 *
 * Real kubectl prints the viewer's line for the object as it is, then again on every
 * watch event until the viewer says done. Here nothing moves unless the virtual clock
 * does, so the verb advances it a second at a time and prints each line that differs
 * from the one before (kubectl may repeat a line when an unrelated status field
 * changes; we do not). `--watch=false` prints one line and returns.
 *
 * Without --timeout kubectl waits forever; we stop after WATCH_LIMIT_MS of simulated
 * time with a message that says so. The limit is longer than the default progress
 * deadline (600s), so a stuck Deployment ends in its own "exceeded its progress
 * deadline" error first, as it would on a real cluster.
 */
import type { KubeObject } from '../api/types';
import { flagBool, flagInt, flagString, hasFlag } from './args';
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { groupKind } from './rollout-history';
import { revisionOf } from './rollout-revisions';
import { goDurationString, parseGoDuration, waitVirtual } from './virtual-wait';
import { hasFilename, resolveTargets } from './workload-targets';

export const WATCH_LIMIT_MS = 15 * 60_000;

export interface RolloutStatus {
  /** one line, ending in a newline, as the viewer prints it */
  status: string;
  done: boolean;
}

type Viewer = (obj: KubeObject, revision: number) => RolloutStatus;

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const fail = (message: string) => new KubectlError(`error: ${message}`);

export const deploymentStatus: Viewer = (d, revision) => {
  const name = d.metadata.name;
  const spec = d.spec ?? {};
  const st = (d.status ?? {}) as Record<string, unknown>;
  if (revision > 0) {
    const running = revisionOf(d);
    if (running === undefined) throw fail(`cannot get the revision of deployment "${name}"`);
    if (running !== revision) {
      throw fail(`desired revision (${revision}) is different from the running revision (${running})`);
    }
  }
  if (num(d.metadata.generation) > num(st.observedGeneration)) {
    return { status: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const conditions = (st.conditions ?? []) as { type: string; reason?: string }[];
  const progressing = conditions.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    throw fail(`deployment "${name}" exceeded its progress deadline`);
  const updated = num(st.updatedReplicas);
  const waiting = (what: string) => ({
    status: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`,
    done: false,
  });
  if (typeof spec.replicas === 'number' && updated < spec.replicas) {
    return waiting(`${updated} out of ${spec.replicas} new replicas have been updated`);
  }
  if (num(st.replicas) > updated) return waiting(`${num(st.replicas) - updated} old replicas are pending termination`);
  if (num(st.availableReplicas) < updated) {
    return waiting(`${num(st.availableReplicas)} of ${updated} updated replicas are available`);
  }
  return { status: `deployment "${name}" successfully rolled out\n`, done: true };
};

export const daemonSetStatus: Viewer = (ds) => {
  const name = ds.metadata.name;
  const st = (ds.status ?? {}) as Record<string, unknown>;
  // upstream names the StatefulSet constant here; both read "RollingUpdate"
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw fail('rollout status is only available for RollingUpdate strategy type');
  }
  if (num(ds.metadata.generation) > num(st.observedGeneration)) {
    return { status: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = num(st.desiredNumberScheduled);
  const updated = num(st.updatedNumberScheduled);
  const available = num(st.numberAvailable);
  if (updated < desired) {
    return {
      status: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  }
  if (available < desired) {
    return {
      status: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`,
      done: false,
    };
  }
  return { status: `daemon set "${name}" successfully rolled out\n`, done: true };
};

export const statefulSetStatus: Viewer = (sts) => {
  const spec = sts.spec ?? {};
  const st = (sts.status ?? {}) as Record<string, unknown>;
  const strategy = spec.updateStrategy ?? { type: 'RollingUpdate' };
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw fail('rollout status is only available for RollingUpdate strategy type');
  }
  const observed = num(st.observedGeneration);
  if (observed === 0 || num(sts.metadata.generation) > observed) {
    return { status: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = spec.replicas as number | undefined;
  if (typeof replicas === 'number' && num(st.readyReplicas) < replicas) {
    return { status: `Waiting for ${replicas - num(st.readyReplicas)} pods to be ready...\n`, done: false };
  }
  const updated = num(st.updatedReplicas);
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (typeof replicas === 'number' && typeof partition === 'number' && updated < replicas - partition) {
      return {
        status: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return { status: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return {
      status: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...\n`,
      done: false,
    };
  }
  return {
    status: `statefulset rolling update complete ${num(st.currentReplicas)} pods at revision ${st.currentRevision}...\n`,
    done: true,
  };
};

const VIEWERS: Record<string, Viewer> = {
  Deployment: deploymentStatus,
  DaemonSet: daemonSetStatus,
  StatefulSet: statefulSetStatus,
};

export function rolloutStatus(inv: Invocation, args: string[]): number {
  const { p, io } = inv;
  const watch = hasFlag(p, 'watch') ? flagBool(p, 'watch') : true;
  const revision = flagInt(p, 'revision') ?? 0;
  const timeoutMs = parseGoDuration('timeout', flagString(p, 'timeout') ?? '0');
  if (args.length === 0 && !hasFilename(inv)) throw new KubectlError('error: required resource not specified');
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  const { targets, errors } = resolveTargets(inv, args, true);
  if (errors.length > 0) throw new KubectlError(errors[0]);
  if (targets.length !== 1) {
    throw new KubectlError(
      `error: rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`,
    );
  }
  const { info, obj } = targets[0];
  const viewer = VIEWERS[obj.kind];
  if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${groupKind(obj, info.group)}`);
  let last = '';
  const look = (): boolean => {
    const live = inv.cluster.get(obj.kind, obj.metadata.name, obj.metadata.namespace);
    // kubectl aborts rather than follow a new object of the same name
    if (!live || live.metadata.uid !== obj.metadata.uid) throw new KubectlError('error: object has been deleted');
    const { status, done } = viewer(live, revision);
    if (status !== last) io.out(status);
    last = status;
    return done || !watch;
  };
  const limit = timeoutMs > 0 ? timeoutMs : WATCH_LIMIT_MS;
  if (waitVirtual(inv, limit, look)) return 0;
  if (timeoutMs > 0) throw new KubectlError('error: timed out waiting for the condition');
  throw new KubectlError(
    `error: the rollout did not finish in ${goDurationString(WATCH_LIMIT_MS)} of simulated time; real kubectl would keep watching until interrupted, the playground stops here (run the command again to keep watching, or pass --timeout)`,
  );
}
