// Mirrors pkg/controller/history/controller_history_test.go (hash, name, equality,
// sorting) and k8s.io/apimachinery/pkg/util/rand SafeEncodeString.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from '../api/workload-types';
import {
  computeTemplateHash,
  controllerRevisionName,
  equalRevision,
  findEqualRevisions,
  fnv32,
  fnv32a,
  goJson,
  hashControllerRevision,
  newControllerRevision,
  nextRevision,
  safeEncodeString,
  sortRevisions,
  templatePatch,
} from './history';

const owner = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: { template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
} as never;

function rev(name: string, revision: number, image = 'nginx'): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: 'default' },
    data: { spec: { template: { $patch: 'replace', spec: { containers: [{ image }] } } } },
    revision,
  } as ControllerRevision;
}

describe('hashing', () => {
  it('FNV-1 and FNV-1a 32-bit reference values (hash/fnv)', () => {
    expect(fnv32('')).toBe(0x811c9dc5);
    expect(fnv32('a')).toBe(0x050c5d7e);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('SafeEncodeString maps every byte into the no-vowel alphabet', () => {
    // decimal digits land on 4…9, b, c, d, f: why real hashes look like 6d5cc6c6c9
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    fc.assert(fc.property(fc.nat(), (n) => /^[bcdfghjklmnpqrstvwxz2456789]+$/.test(safeEncodeString(String(n)))));
  });

  it('the collision count changes the hash; the same patch always hashes the same', () => {
    const raw = templatePatch(owner);
    expect(hashControllerRevision(raw, 0)).toBe(hashControllerRevision(raw, 0));
    expect(hashControllerRevision(raw, 0)).not.toBe(hashControllerRevision(raw, 1));
    expect(computeTemplateHash({ a: 1 })).not.toBe(computeTemplateHash({ a: 1 }, 0));
  });

  it('the patch is sorted JSON with $patch: replace, whatever the field order', () => {
    const a = { ...(owner as object), spec: { template: { spec: { b: 1, a: '<&>' } } } } as never;
    expect(templatePatch(a)).toBe(
      '{"spec":{"template":{"$patch":"replace","spec":{"a":"\\u003c\\u0026\\u003e","b":1}}}}',
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (d) => {
        const reversed = Object.fromEntries(Object.entries(d).reverse());
        return goJson(d) === goJson(reversed);
      }),
    );
  });
});

describe('revisions', () => {
  it('NewControllerRevision: <owner>-<hash>, the hash label, template labels, controllerRef', () => {
    const r = newControllerRevision(owner, { app: 'nginx' }, templatePatch(owner), 1, 0);
    const hash = r.metadata.labels?.['controller-revision-hash'];
    expect(r.metadata.name).toBe(`web-${hash}`);
    expect(r.metadata.labels).toMatchObject({ app: 'nginx' });
    expect(r.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    expect(r.revision).toBe(1);
  });

  it('ControllerRevisionName cuts the prefix at 223 characters', () => {
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toBe(`${'x'.repeat(223)}-abc`);
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
  });

  it('equality, find, sort and next revision (TestFindEqualRevisions, TestSortControllerRevisions)', () => {
    const r1 = rev('a', 3);
    const r2 = rev('b', 1, 'other');
    const r3 = rev('c', 2);
    expect(equalRevision(r1, r3)).toBe(true);
    expect(equalRevision(r1, r2)).toBe(false);
    expect(findEqualRevisions([r1, r2, r3], rev('x', 9)).map((r) => r.metadata.name)).toEqual(['a', 'c']);
    expect(sortRevisions([r1, r2, r3]).map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(nextRevision([r1, r2, r3])).toBe(4);
    expect(nextRevision([])).toBe(1);
  });
});
