/**
 * The API server's write path, used by apply, kubectl and every controller:
 * default → admit → validate → persist, plus deletion with grace periods,
 * finalizers and propagation policies.
 */
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { Timings } from '../timings';
import { admit } from './admission';
import { applyDefaults, prepareForCreate, prepareForCreateBeforeValidation, prepareForUpdate } from './defaults';
import { ApiError, alreadyExists, invalidError, notFound } from './errors';
import { lookupKind, qualifiedResource } from './kinds';
import { allocateServiceAddresses } from './service-alloc';
import type { Store } from './store';
import type { KubeObject, PropagationPolicy } from './types';
import { validateObject } from './validation';
import { collectWarnings } from './warnings';

export interface WriteResult {
  object: KubeObject;
  warnings: string[];
}

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  /** overrides the pod's terminationGracePeriodSeconds (0 = immediately) */
  gracePeriodSeconds?: number;
}

export class Api {
  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly timings: Timings,
  ) {}

  /** Creates an object as a client would (controllers included). Throws ApiError. */
  create(input: KubeObject): KubeObject {
    return this.createWithWarnings(input).object;
  }

  createWithWarnings(input: KubeObject, opts: { dryRun?: boolean } = {}): WriteResult {
    // A refused write leaves no trace, not even a draw from the rng (generateName).
    const rngState = this.rng.getState();
    try {
      const result = this.createChecked(input, opts);
      if (opts.dryRun) this.rng.setState(rngState);
      return result;
    } catch (e) {
      this.rng.setState(rngState);
      throw e;
    }
  }

  private createChecked(input: KubeObject, opts: { dryRun?: boolean }): WriteResult {
    const obj = this.prepare(input);
    const info = lookupKind(obj.kind);
    if (!info) throw new ApiError(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`, 'NotFound');
    if (this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) {
      throw alreadyExists(qualifiedResource(info), obj.metadata.name);
    }
    this.requireNamespace(obj);
    applyDefaults(obj, { timings: this.timings });
    // FillObjectMetaSystemFields: the uid is there before the strategy runs (a Job's selector uses it).
    obj.metadata.uid ||= this.rng.uuid();
    prepareForCreateBeforeValidation(obj);
    admit(obj, { store: this.store, timings: this.timings, operation: 'CREATE' });
    const errors = validateObject(obj, undefined, { namespaced: info.namespaced });
    if (errors.length > 0) throw invalidError(obj.kind, obj.metadata.name ?? '', errors);
    prepareForCreate(obj);
    if (obj.kind === 'Service') allocateServiceAddresses(obj, this.store, this.rng);
    const warnings = collectWarnings(obj);
    if (opts.dryRun) return { object: obj, warnings };
    return { object: this.store.create(obj), warnings };
  }

  /** Replaces an object's spec/metadata as a client would. Throws ApiError. */
  update(input: KubeObject): KubeObject {
    return this.updateWithWarnings(input).object;
  }

  updateWithWarnings(input: KubeObject, opts: { dryRun?: boolean } = {}): WriteResult {
    const obj = this.prepare(input);
    const info = lookupKind(obj.kind);
    if (!info) throw new ApiError(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`, 'NotFound');
    const old = this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) throw notFound(qualifiedResource(info), obj.metadata.name);
    applyDefaults(obj, { timings: this.timings });
    prepareForUpdate(obj, old);
    admit(obj, { store: this.store, timings: this.timings, operation: 'UPDATE', old });
    const errors = validateObject(obj, old, { namespaced: info.namespaced });
    if (errors.length > 0) throw invalidError(obj.kind, obj.metadata.name ?? '', errors);
    if (obj.kind === 'Service') {
      this.withRngRestoredOnFailure(opts, () => allocateServiceAddresses(obj, this.store, this.rng));
    }
    const warnings = collectWarnings(obj);
    if (opts.dryRun) return { object: obj, warnings };
    const merged: KubeObject = {
      ...obj,
      metadata: {
        ...obj.metadata,
        deletionTimestamp: old.metadata.deletionTimestamp,
        deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
      },
      // status is a subresource: a client's update never changes it
      ...(old.status !== undefined ? { status: old.status } : {}),
    };
    stripUndefined(merged.metadata);
    return { object: this.finishIfDeleted(this.store.update(merged)), warnings };
  }

  /** Runs fn; a failure, or a dry run, leaves the rng as it was. */
  private withRngRestoredOnFailure(opts: { dryRun?: boolean }, fn: () => void): void {
    const state = this.rng.getState();
    try {
      fn();
    } catch (e) {
      this.rng.setState(state);
      throw e;
    }
    if (opts.dryRun) this.rng.setState(state);
  }

  /** Writes status (and metadata such as finalizers) without client validation, as controllers do. */
  updateStatus(obj: KubeObject): KubeObject {
    return this.finishIfDeleted(this.store.update(obj));
  }

  /** Writes an object as the system (controllers, kubelet): metadata and spec changes included. */
  replace(obj: KubeObject): KubeObject {
    return this.finishIfDeleted(this.store.update(obj));
  }

  /**
   * Deletes like the API server: Orphan/Foreground add a finalizer, a pod on a node
   * gets a grace period for its kubelet, finalizers keep the object until removed.
   */
  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject {
    const info = lookupKind(kind);
    if (!info) throw new ApiError(`the server doesn't have a resource type "${kind}"`, 'NotFound');
    const ns = info.namespaced ? (namespace ?? 'default') : undefined;
    // NamespaceLifecycle admission runs before the lookup: its immortal namespaces.
    if (info.kind === 'Namespace' && IMMORTAL_NAMESPACES.has(name)) {
      throw new ApiError(`namespaces "${name}" is forbidden: this namespace may not be deleted`, 'Forbidden');
    }
    const obj = this.store.get(info.kind, ns, name);
    if (!obj) throw notFound(qualifiedResource(info), name);
    const meta = { ...obj.metadata };
    const finalizers = [...(meta.finalizers ?? [])];
    if (opts.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (opts.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) {
      finalizers.push('foregroundDeletion');
    }
    const grace = this.graceSeconds(obj, opts);
    if (meta.deletionTimestamp) {
      // Already terminating: a shorter grace period may still cut it short.
      if (grace === 0 && meta.deletionGracePeriodSeconds !== 0) {
        meta.deletionGracePeriodSeconds = 0;
        return this.finishIfDeleted(this.store.update({ ...obj, metadata: meta }));
      }
      return obj;
    }
    const specFinalizers = namespaceFinalizers(obj);
    if (finalizers.length === 0 && grace === 0 && specFinalizers.length === 0) {
      this.store.remove(info.kind, ns, name);
      return obj;
    }
    meta.finalizers = finalizers.length > 0 ? finalizers : undefined;
    meta.deletionTimestamp = this.clock.timestamp(this.clock.now() + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    stripUndefined(meta);
    // A namespace with spec.finalizers turns Terminating; the namespace controller empties
    // it and then finalizes it (pkg/registry/core/namespace/storage REST.Delete).
    const status = info.kind === 'Namespace' ? { ...(obj.status ?? {}), phase: 'Terminating' } : obj.status;
    return this.finishIfDeleted(this.store.update({ ...obj, metadata: meta, ...(status ? { status } : {}) }));
  }

  /**
   * The namespace /finalize subresource: drops a spec.finalizers entry (the namespace
   * controller removes `kubernetes` once the namespace is empty); a terminating
   * namespace with no finalizers left is gone.
   */
  finalizeNamespace(name: string, finalizer = 'kubernetes'): KubeObject | undefined {
    const ns = this.store.get('Namespace', undefined, name);
    if (!ns) throw notFound('namespaces', name);
    const spec = { ...(ns.spec ?? {}), finalizers: namespaceFinalizers(ns).filter((f) => f !== finalizer) };
    return this.finishIfDeleted(this.store.update({ ...ns, spec }));
  }

  /** An object whose deletion is due and whose finalizers are all gone leaves the store. */
  private finishIfDeleted(obj: KubeObject): KubeObject {
    const m = obj.metadata;
    if (
      m.deletionTimestamp &&
      (m.finalizers ?? []).length === 0 &&
      (m.deletionGracePeriodSeconds ?? 0) === 0 &&
      namespaceFinalizers(obj).length === 0
    ) {
      this.store.remove(obj.kind, m.namespace, m.name);
    }
    return obj;
  }

  /** Only pods bound to a node wait for their kubelet; everything else goes at once. */
  private graceSeconds(obj: KubeObject, opts: DeleteOptions): number {
    if (obj.kind !== 'Pod' || !obj.spec?.nodeName) return 0;
    if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') return 0;
    if (opts.gracePeriodSeconds !== undefined) return Math.max(0, opts.gracePeriodSeconds);
    return obj.spec.terminationGracePeriodSeconds ?? this.timings.terminationGracePeriodSeconds;
  }

  /** Fills namespace and generateName; copies so the caller's object is never changed. */
  private prepare(input: KubeObject): KubeObject {
    const obj = structuredClone(input) as KubeObject;
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    const info = lookupKind(obj.kind);
    if (info?.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    if (!obj.metadata.name && obj.metadata.generateName) {
      obj.metadata.name = this.generateName(obj);
    }
    return obj;
  }

  /** generateName + 5 random characters, as the API server's SimpleNameGenerator does. */
  private generateName(obj: KubeObject): string {
    const base = String(obj.metadata.generateName).slice(0, 63 - 5);
    for (;;) {
      const name = base + this.rng.suffix(5);
      if (!this.store.get(obj.kind, obj.metadata.namespace, name)) return name;
    }
  }

  private requireNamespace(obj: KubeObject): void {
    const ns = obj.metadata.namespace;
    if (!ns) return;
    const nsObj = this.store.get('Namespace', undefined, ns);
    if (!nsObj) throw notFound('namespaces', ns);
    if (nsObj.metadata.deletionTimestamp) {
      throw new ApiError(
        `${lookupKind(obj.kind)?.plural ?? obj.kind} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
        'Forbidden',
      );
    }
  }
}

/**
 * NamespaceLifecycle's immortal namespaces (lifecycle.Register): kube-node-lease is not
 * among them; deleting it is allowed and the API server's system-namespaces loop
 * creates it again.
 */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** spec.finalizers of a Namespace (other kinds have none). */
function namespaceFinalizers(obj: KubeObject): string[] {
  return obj.kind === 'Namespace' && Array.isArray(obj.spec?.finalizers) ? obj.spec.finalizers : [];
}

function stripUndefined(o: Record<string, unknown>): void {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
}
