/**
 * Keeping mounted ConfigMap, Secret, projected and downward API volumes current. The
 * kubelet watches the objects a pod uses and rewrites the files at the pod's next
 * periodic sync (--sync-frequency, 1m), so an edited ConfigMap shows up in the files
 * within about a minute while environment variables keep their old values until the
 * container restarts — the behaviour the ConfigMap docs describe.
 */
import type { Pod } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import type { PodCtx } from './podctx';
import { ConfigError, podVolumes } from './podenv';
import type { KubeletState } from './state';

/** kubelet --sync-frequency: every pod is synced at least this often (its periodic resync). */
export const POD_RESYNC_MS = 60_000;

export const SOURCE_KEY = 'src/';

type Source = 'ConfigMap' | 'Secret';

/** Whether a volume of the pod is filled from the object. */
function usesSource(pod: Pod, kind: Source, name: string): boolean {
  for (const v of (pod.spec.volumes ?? []) as any[]) {
    if (kind === 'ConfigMap' && v.configMap?.name === name) return true;
    if (kind === 'Secret' && v.secret?.secretName === name) return true;
    for (const s of v.projected?.sources ?? []) {
      if (kind === 'ConfigMap' && s.configMap?.name === name) return true;
      if (kind === 'Secret' && s.secret?.name === name) return true;
    }
  }
  return false;
}

/** A ConfigMap or Secret changed: its pods refresh their files at their next periodic sync. */
export function sourceChanged(ctx: ControllerContext, st: KubeletState, key: string): void {
  const [kind, ns, name] = key.slice(SOURCE_KEY.length).split('/');
  const now = ctx.clock.now();
  for (const pod of ctx.store.list('Pod', ns) as Pod[]) {
    const rec = st.pods[`${ns}/${pod.metadata.name}`];
    if (!rec || rec.finished || !rec.sandbox || !usesSource(pod, kind as Source, name)) continue;
    const at = rec.created + Math.ceil((now + 1 - rec.created) / POD_RESYNC_MS) * POD_RESYNC_MS;
    if (rec.volumesAt === undefined || at < rec.volumesAt) {
      rec.volumesAt = at;
      ctx.after(at - now, `p/${ns}/${pod.metadata.name}`);
    }
  }
}

/** At the periodic sync: rewrite the files of object-backed volumes; emptyDir contents stay. */
export function refreshVolumes(p: PodCtx): void {
  const { rec } = p;
  if (rec.volumesAt === undefined || rec.volumesAt > p.now) return;
  rec.volumesAt = undefined;
  const sandbox = rec.sandbox;
  if (!sandbox) return;
  let fresh: Record<string, Record<string, string>>;
  try {
    fresh = podVolumes(p.ctx.store, p.pod);
  } catch (e) {
    if (e instanceof ConfigError) return; // a source that vanished keeps its last files, as on a node
    throw e;
  }
  for (const v of (p.pod.spec.volumes ?? []) as any[]) {
    if (v.configMap || v.secret || v.projected || v.downwardAPI) sandbox.volumes[v.name] = fresh[v.name] ?? {};
  }
}
