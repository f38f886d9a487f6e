/**
 * ValidateResourceRequirements (core validation.go): resource names, non-negative
 * quantities, and requests ≤ limits, quoting quantities in their canonical form
 * (`must be less than or equal to cpu limit of 500m`). Go walks the maps in random
 * order; we walk keys sorted so messages are stable.
 */
import { compareQuantity, formatQuantity, parseExactQuantity } from '../quantity';
import { type ErrorList, invalid, isRecord, type Path, required, sortedKeys } from './field';
import { isQualifiedName } from './names';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** Resources that may be overcommitted: cpu, memory, ephemeral-storage (not hugepages or extended ones). */
function overcommitAllowed(name: string): boolean {
  return (
    STANDARD_CONTAINER_RESOURCES.has(name) ||
    (!name.includes('/') && !name.startsWith('hugepages-') && !name.startsWith('requests.'))
  );
}

function isExtended(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

function validateResourceName(name: string, path: Path): ErrorList {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-') && !isExtended(name)) {
    errs.push(invalid(path, name, 'must be a standard resource for containers'));
  }
  return errs;
}

function validateQuantityValue(name: string, value: unknown, path: Path): ErrorList {
  const q = parseExactQuantity(value as string | number);
  if (!q) return [];
  const errs: ErrorList = [];
  if (q.nano < 0n) errs.push(invalid(path, formatQuantity(q), 'must be greater than or equal to 0'));
  // extended resources (example.com/gpu) are counted, never divided
  if (isExtended(name) && q.nano % 1_000_000_000n !== 0n)
    errs.push(invalid(path, formatQuantity(q), 'must be an integer'));
  return errs;
}

export function validateResources(resources: unknown, path: Path): ErrorList {
  if (!isRecord(resources)) return [];
  const errs: ErrorList = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = isRecord(resources.limits) ? resources.limits : {};
  const requests = isRecord(resources.requests) ? resources.requests : {};
  for (const name of sortedKeys(limits)) {
    errs.push(...validateResourceName(name, limPath.key(name)));
    errs.push(...validateQuantityValue(name, limits[name], limPath.key(name)));
  }
  for (const name of sortedKeys(requests)) {
    errs.push(...validateResourceName(name, reqPath.key(name)));
    errs.push(...validateQuantityValue(name, requests[name], reqPath.key(name)));
    const req = parseExactQuantity(requests[name]);
    const lim = name in limits ? parseExactQuantity(limits[name]) : undefined;
    if (req && lim) {
      const cmp = compareQuantity(req, lim);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, formatQuantity(req), `must be equal to ${name} limit of ${formatQuantity(lim)}`));
      } else if (cmp > 0) {
        errs.push(
          invalid(
            reqPath,
            formatQuantity(req),
            `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`,
          ),
        );
      }
    } else if (req && !(name in limits) && !overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
