/**
 * ControllerRevision history shared by the DaemonSet and StatefulSet controllers,
 * after pkg/controller/history/controller_history.go (and the DaemonSet's own
 * snapshot/constructHistory in pkg/controller/daemon/update.go).
 *
 * A revision is an immutable snapshot of the owner's pod template, stored as the
 * patch that would re-apply it (`{"spec":{"template":{"$patch":"replace",...}}}`).
 * Its name is `<owner>-<hash>`, the hash also rides in the `controller-revision-hash`
 * label, and `revision` numbers them: the current template gets max(others) + 1.
 * Equal templates are found by comparing the stored patch, so a rollback to an old
 * template re-uses (and renumbers) its old revision instead of making a new one.
 */
import { ApiError } from '../api/errors';
import { matches, type Selector } from '../api/labels';
import type { KubeObject } from '../api/types';
import type { ControllerRevision } from '../api/workload-types';
import type { ControllerContext } from './context';
import { claimObjects, newControllerRef } from './controllerref';

/** apps.ControllerRevisionHashLabelKey (also DefaultDaemonSetUniqueLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** RevisionHistoryLimit's default for DaemonSets and StatefulSets. */
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;

/** rand.SafeEncodeString's alphabet: no vowels, no 0/1/3, so no words and no look-alikes. */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character replaced by alphabet[byte % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

function utf8(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** hash/fnv New32 (FNV-1: multiply, then xor), as HashControllerRevision uses; strings as UTF-8. */
export function fnv32(data: string | number[], seed = FNV32_OFFSET): number {
  let h = seed >>> 0;
  for (const b of typeof data === 'string' ? utf8(data) : data) h = (Math.imul(h, FNV32_PRIME) ^ b) >>> 0;
  return h;
}

/** hash/fnv New32a (FNV-1a: xor, then multiply), as controller.ComputeHash uses; strings as UTF-8. */
export function fnv32a(data: string | number[], seed = FNV32_OFFSET): number {
  let h = seed >>> 0;
  for (const b of typeof data === 'string' ? utf8(data) : data) h = Math.imul(h ^ b, FNV32_PRIME) >>> 0;
  return h;
}

/**
 * encoding/json over a map[string]interface{}: compact, keys sorted, and <, >, &
 * escaped as Go does. The revision patch goes through exactly that, so its bytes
 * (and the hash over them) do not depend on the order fields were written in.
 */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goString(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return goString(v);
  return JSON.stringify(v);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * HashControllerRevision: FNV-32 over the raw patch, plus the collision count's
 * decimal digits when there is one, printed in decimal and safe-encoded.
 */
export function hashControllerRevision(raw: string, collisionCount?: number): string {
  let h = fnv32(raw);
  if (collisionCount !== undefined && collisionCount !== null) h = fnv32(String(collisionCount), h);
  return safeEncodeString(String(h));
}

/**
 * controller.ComputeHash, which the DaemonSet names its revisions by: FNV-32a over
 * the template (upstream prints the Go struct with spew; here its sorted JSON), then
 * the collision count as 8 little-endian bytes (a uint32 in the low four).
 */
export function computeTemplateHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(goJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    h = fnv32a([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 bytes so the name fits 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * getPatch (daemon/update.go, statefulset/stateful_set_utils.go): only the template,
 * marked `$patch: replace` so applying it swaps the whole template back in.
 */
export function templatePatch(owner: KubeObject): string {
  const template = structuredClone(owner.spec?.template ?? {});
  return goJson({ spec: { template: { ...template, $patch: 'replace' } } });
}

/** The stored patch of a revision, as the canonical JSON it was hashed from. */
export function revisionRaw(rev: ControllerRevision): string {
  return goJson(rev.data ?? null);
}

/** EqualRevision: both carry the same patch. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return revisionRaw(a) === revisionRaw(b);
}

/** FindEqualRevisions: the revisions whose patch equals `needle`'s. */
export function findEqualRevisions(revisions: ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  const want = revisionRaw(needle);
  return revisions.filter((r) => revisionRaw(r) === want);
}

/** SortControllerRevisions: by revision number, then by name (stable, deterministic). */
export function sortRevisions(revisions: ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort(
    (a, b) => (a.revision ?? 0) - (b.revision ?? 0) || a.metadata.name.localeCompare(b.metadata.name),
  );
}

/** nextRevision: one more than the highest revision, 1 for an empty history. */
export function nextRevision(revisions: ControllerRevision[]): number {
  let max = 0;
  for (const r of revisions) max = Math.max(max, r.revision ?? 0);
  return max + 1;
}

/**
 * NewControllerRevision: the template labels plus the hash label, owned by the parent,
 * named after the parent and the hash of the patch (and collision count).
 */
export function newControllerRevision(
  parent: KubeObject,
  templateLabels: Record<string, string> | undefined,
  raw: string,
  revision: number,
  collisionCount?: number,
): ControllerRevision {
  const hash = hashControllerRevision(raw, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name, hash),
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [newControllerRef(parent)],
    } as unknown as ControllerRevision['metadata'],
    data: JSON.parse(raw),
    revision,
  } as ControllerRevision;
}

/**
 * ListControllerRevisions + ClaimControllerRevisions: the revisions in the owner's
 * namespace it controls, adopting orphans its selector matches.
 */
export function listOwnedRevisions(
  ctx: ControllerContext,
  owner: KubeObject,
  selector: Selector,
): ControllerRevision[] {
  const candidates = (ctx.store.list('ControllerRevision', owner.metadata.namespace) as ControllerRevision[]).filter(
    (r) =>
      matches(selector, r.metadata.labels) || r.metadata.ownerReferences?.some((o) => o.uid === owner.metadata.uid),
  );
  return claimObjects(ctx, candidates, { owner, selector }).claimed;
}

/**
 * realHistory.CreateControllerRevision: a name already taken by a different patch is
 * a hash collision; the collision count goes up (in `collision.count`) and the hash is
 * taken again. A name taken by an equal revision returns that one.
 */
export function createControllerRevision(
  ctx: ControllerContext,
  parent: KubeObject,
  revision: ControllerRevision,
  collision: { count: number },
): ControllerRevision {
  const raw = revisionRaw(revision);
  const labels = { ...(revision.metadata.labels ?? {}) };
  delete labels[CONTROLLER_REVISION_HASH_LABEL];
  for (;;) {
    const candidate = newControllerRevision(parent, labels, raw, revision.revision, collision.count);
    const existing = ctx.store.get('ControllerRevision', candidate.metadata.namespace, candidate.metadata.name) as
      | ControllerRevision
      | undefined;
    if (!existing) return ctx.api.create(candidate) as ControllerRevision;
    if (equalRevision(existing, candidate)) return existing;
    collision.count++;
  }
}

/** realHistory.UpdateControllerRevision: only the revision number ever changes. */
export function updateRevisionNumber(
  ctx: ControllerContext,
  rev: ControllerRevision,
  revision: number,
): ControllerRevision {
  if (rev.revision === revision) return rev;
  return ctx.api.replace({ ...rev, revision } as ControllerRevision) as ControllerRevision;
}

/** realHistory.DeleteControllerRevision (NotFound is fine: someone else cleaned up). */
export function deleteRevision(ctx: ControllerContext, rev: ControllerRevision): void {
  try {
    ctx.api.delete('ControllerRevision', rev.metadata.namespace, rev.metadata.name);
  } catch (e) {
    if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
  }
}

/**
 * The StatefulSet's truncateHistory: of the revisions that are not live (current,
 * update, or the revision of an existing pod), delete the oldest beyond `limit`.
 */
export function truncateHistory(
  ctx: ControllerContext,
  revisions: ControllerRevision[],
  live: Set<string>,
  limit: number,
): void {
  const candidates = sortRevisions(revisions).filter((r) => !live.has(r.metadata.name));
  const excess = candidates.length - Math.max(limit, 0);
  for (let i = 0; i < excess; i++) deleteRevision(ctx, candidates[i]);
}
