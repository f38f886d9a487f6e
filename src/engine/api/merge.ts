/**
 * kubectl apply's three-way merge (apimachinery strategicpatch.CreateThreeWayMergePatch
 * applied to the live object): fields in the new configuration win; fields that were
 * in the last-applied configuration and are gone now are removed; everything else on
 * the live object — defaults, the scheduler's nodeName, controllers' fields — stays.
 * Lists with a patch merge key (containers by name, ports by containerPort, ...) merge
 * item by item; other lists are replaced whole, as their Go tags say.
 */
type Json = any;

/** patchMergeKey from the k8s.io/api struct tags, by field name. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  readinessGates: 'conditionType',
  resourceClaims: 'name',
  schedulingGates: 'name',
};

/** Primitive lists with patchStrategy "merge": a union, minus what the user removed. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports') return items.some((p) => isObject(p) && 'containerPort' in p) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

export function threeWayMerge(original: Json, modified: Json, current: Json): Json {
  if (!isObject(modified) || !isObject(current)) return structuredClone(modified);
  const out: Record<string, Json> = structuredClone(current);
  const orig = isObject(original) ? original : {};
  for (const [k, m] of Object.entries(modified)) {
    const c = current[k];
    if (m === null || m === undefined) delete out[k];
    else if (isObject(m) && isObject(c)) out[k] = threeWayMerge(orig[k], m, c);
    else if (Array.isArray(m) && Array.isArray(c)) out[k] = mergeList(k, orig[k], m, c);
    else out[k] = structuredClone(m);
  }
  for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
  return out;
}

function mergeList(field: string, original: Json, modified: Json[], current: Json[]): Json[] {
  const orig: Json[] = Array.isArray(original) ? original : [];
  if (MERGED_PRIMITIVE_LISTS.has(field)) {
    const removed = new Set(orig.filter((x) => !modified.includes(x)));
    return [...modified, ...current.filter((x) => !modified.includes(x) && !removed.has(x))];
  }
  const key = mergeKeyFor(field, [...modified, ...current]);
  if (!key || !modified.every(isObject)) return structuredClone(modified);
  const find = (list: Json[], v: Json) => list.find((x) => isObject(x) && x[key] === v);
  const out: Json[] = modified.map((m) => {
    const c = find(current, m[key]);
    return isObject(c) ? threeWayMerge(find(orig, m[key]), m, c) : structuredClone(m);
  });
  for (const c of current) {
    if (!isObject(c)) continue;
    const inModified = find(modified, c[key]) !== undefined;
    const inOriginal = find(orig, c[key]) !== undefined;
    if (!inModified && !inOriginal) out.push(structuredClone(c));
  }
  return out;
}

/** json.Marshal of a map: keys sorted, as kubectl writes last-applied-configuration. */
export function sortedJSON(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(sortedJSON).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJSON(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
