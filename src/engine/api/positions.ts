/**
 * From a field path (`spec.containers[1].image`) back to the line and column of the
 * submitted YAML, so an error lands on the exact line in the editor. The deepest node
 * that exists wins: a missing `image` points at its container, a bad value at its key.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Segment } from './validation/field';

export type PathStep = string | number | Segment;
export type Locator = (path: readonly PathStep[]) => { line: number; column: number } | undefined;

export function locatorFor(doc: Document.Parsed, pos: (offset: number) => { line: number; column: number }): Locator {
  return (path) => {
    let node: unknown = doc.contents;
    let best: number | undefined = offsetOf(node);
    for (const step of path) {
      const key = stepKey(step);
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node) && typeof key === 'string') {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (!pair) break;
        best = offsetOf(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) break;
        best = offsetOf(item) ?? best;
        node = item;
      } else break;
    }
    return best === undefined ? undefined : pos(best);
  };
}

function stepKey(step: PathStep): string | number {
  if (typeof step !== 'object') return step;
  if ('field' in step) return step.field;
  if ('index' in step) return step.index;
  return step.key;
}

function offsetOf(n: unknown): number | undefined {
  const range = (n as Node | null)?.range;
  return range ? range[0] : undefined;
}

/** Reads a rendered path back into steps: `spec.containers[1].ports[0]` → spec, containers, 1, ports, 0. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) steps.push(m[1]);
    else steps.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return steps;
}
