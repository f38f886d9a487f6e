// What the upstream tables leave out of deployment-util: the error texts of
// intstr.GetScaledValueFromIntOrPercent, EqualIgnoreHash's semantic equality,
// FindActiveOrLatest (deployment_util.go) and the tie breaks of
// ReplicaSetsBySizeNewer/Older (pkg/controller/controller_utils.go), and the
// TestEqualIgnoreHash, TestFindOldReplicaSets, TestGetReplicaSetFraction and IsSaturated tables of deployment_util_test.go.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../api/workload-types';
import {
  DESIRED_REPLICAS_ANNOTATION,
  isSaturated,
  MAX_REPLICAS_ANNOTATION,
  replicaSetProportion,
} from './deployment-annotations';
import { newDeployment, newRS } from './deployment-testing';
import {
  byCreationTimestamp,
  bySizeNewer,
  bySizeOlder,
  equalIgnoreHash,
  FencepostError,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  POD_TEMPLATE_HASH_LABEL,
  resolveFenceposts,
  scaledValueFromIntOrPercent,
} from './deployment-util';

describe('scaledValueFromIntOrPercent (intstr.GetScaledValueFromIntOrPercent)', () => {
  it('an int is itself; a percentage of the total rounds up or down as asked', () => {
    expect(scaledValueFromIntOrPercent(3, 10, true)).toBe(3);
    expect(scaledValueFromIntOrPercent('25%', 10, true)).toBe(3);
    expect(scaledValueFromIntOrPercent('25%', 10, false)).toBe(2);
    expect(scaledValueFromIntOrPercent('0%', 10, true)).toBe(0);
    expect(scaledValueFromIntOrPercent('100%', 7, false)).toBe(7);
  });

  it('a string without % is "not a percentage" (getIntOrPercentValueSafely)', () => {
    expect(() => scaledValueFromIntOrPercent('5', 10, true)).toThrow(
      new FencepostError('invalid value for IntOrString: invalid type: string is not a percentage'),
    );
  });

  it("a % that is not an integer carries strconv.Atoi's words", () => {
    expect(() => scaledValueFromIntOrPercent('abc%', 10, false)).toThrow(
      'invalid value for IntOrString: invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax',
    );
    expect(() => scaledValueFromIntOrPercent('1.5%', 10, false)).toThrow(
      'invalid value for IntOrString: invalid value "1.5%": strconv.Atoi: parsing "1.5": invalid syntax',
    );
    expect(() => scaledValueFromIntOrPercent('%', 10, false)).toThrow(
      'invalid value for IntOrString: invalid value "%": strconv.Atoi: parsing "": invalid syntax',
    );
  });

  it('resolveFenceposts passes the error on (upstream wraps nothing more)', () => {
    expect(() => resolveFenceposts('oops', '10%', 10)).toThrow(FencepostError);
    expect(() => resolveFenceposts('10%', 'urg', 10)).toThrow(/string is not a percentage/);
  });

  it('property: percentages never resolve to a rollout that cannot move', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(1000), (s, u, desired) => {
        const r = resolveFenceposts(`${s}%`, `${u}%`, desired);
        const surge = Math.ceil((s * desired) / 100);
        const unavailable = Math.floor((u * desired) / 100);
        expect(r).toEqual({ surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable });
        expect(r.surge + r.unavailable).toBeGreaterThan(0);
      }),
    );
  });
});

describe('equalIgnoreHash (EqualIgnoreHash with apiequality.Semantic)', () => {
  const template = (labels?: Record<string, string>, extra: Record<string, unknown> = {}): PodTemplateSpec =>
    ({
      metadata: labels === undefined ? {} : { labels },
      spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra },
    }) as PodTemplateSpec;

  it('ignores the pod-template-hash label', () => {
    expect(equalIgnoreHash(template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: 'abc' }), template({ app: 'a' }))).toBe(
      true,
    );
    expect(
      equalIgnoreHash(
        template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: 'abc' }),
        template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: 'def' }),
      ),
    ).toBe(true);
  });

  it('an empty map or list equals a missing one', () => {
    expect(equalIgnoreHash(template({}), template(undefined))).toBe(true);
    // Only the hash label: once it is removed the map is empty, like no labels at all.
    expect(equalIgnoreHash(template({ [POD_TEMPLATE_HASH_LABEL]: 'abc' }), template(undefined))).toBe(true);
    expect(equalIgnoreHash(template({ app: 'a' }, { volumes: [] }), template({ app: 'a' }))).toBe(true);
    expect(equalIgnoreHash(template({ app: 'a' }, { nodeSelector: {} }), template({ app: 'a' }))).toBe(true);
  });

  it('any other difference counts', () => {
    expect(equalIgnoreHash(template({ app: 'a' }), template({ app: 'b' }))).toBe(false);
    expect(equalIgnoreHash(template({ app: 'a' }, { nodeSelector: { zone: 'z1' } }), template({ app: 'a' }))).toBe(
      false,
    );
  });

  it('does not touch its arguments', () => {
    const t = template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: 'abc' });
    equalIgnoreHash(t, template({ app: 'a' }));
    expect(t.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL]).toBe('abc');
  });

  it('findNewReplicaSet picks the oldest ReplicaSet whose template matches', () => {
    const d = newDeployment(1);
    const a = newRS('a', 1, { created: '2016-05-20T02:00:00Z' });
    const b = newRS('b', 1, { created: '2016-05-20T01:00:00Z' });
    a.spec.template = structuredClone(d.spec.template);
    b.spec.template = structuredClone(d.spec.template);
    b.spec.template.metadata!.labels![POD_TEMPLATE_HASH_LABEL] = 'xyz';
    expect(findNewReplicaSet(d, [a, b])?.metadata.name).toBe('b');
    expect(findNewReplicaSet(d, [newRS('c', 1)])).toBeUndefined();
  });
});

describe('findActiveOrLatest (FindActiveOrLatest)', () => {
  const at = (name: string, replicas: number, hour: number) =>
    newRS(name, replicas, { created: `2016-05-20T0${hour}:00:00Z` });

  it('nothing at all: none', () => {
    expect(findActiveOrLatest(undefined, [])).toBeUndefined();
  });

  it('no ReplicaSet has replicas: the new one, else the newest old one', () => {
    const newest = at('new', 0, 3);
    expect(findActiveOrLatest(newest, [at('old1', 0, 1), at('old2', 0, 2)])).toBe(newest);
    expect(findActiveOrLatest(undefined, [at('old1', 0, 1), at('old2', 0, 2)])?.metadata.name).toBe('old2');
  });

  it('exactly one has replicas: that one, old or new', () => {
    expect(findActiveOrLatest(at('new', 0, 3), [at('old1', 2, 1), at('old2', 0, 2)])?.metadata.name).toBe('old1');
    expect(findActiveOrLatest(at('new', 4, 3), [at('old1', 0, 1)])?.metadata.name).toBe('new');
  });

  it('several have replicas: none (the caller scales proportionally)', () => {
    expect(findActiveOrLatest(at('new', 1, 3), [at('old1', 2, 1)])).toBeUndefined();
    expect(findActiveOrLatest(undefined, [at('old1', 1, 1), at('old2', 1, 2)])).toBeUndefined();
  });

  it("does not reorder the caller's list", () => {
    const olds = [at('old1', 0, 1), at('old2', 0, 2)];
    findActiveOrLatest(undefined, olds);
    expect(olds.map((rs) => rs.metadata.name)).toEqual(['old1', 'old2']);
  });
});

describe('ReplicaSetsBySizeNewer / BySizeOlder / ByCreationTimestamp', () => {
  const names = (rss: ReturnType<typeof newRS>[]) => rss.map((rs) => rs.metadata.name);
  const early = '2016-05-20T01:00:00Z';
  const late = '2016-05-20T02:00:00Z';

  it('bigger first in both orders', () => {
    const rss = [newRS('small', 1, { created: early }), newRS('big', 5, { created: late })];
    expect(names([...rss].sort(bySizeNewer))).toEqual(['big', 'small']);
    expect(names([...rss].sort(bySizeOlder))).toEqual(['big', 'small']);
  });

  it('equal sizes: Newer puts the newer first, Older the older first', () => {
    const rss = [newRS('old', 2, { created: early }), newRS('new', 2, { created: late })];
    expect(names([...rss].sort(bySizeNewer))).toEqual(['new', 'old']);
    expect(names([...rss].sort(bySizeOlder))).toEqual(['old', 'new']);
  });

  it('equal sizes and creation times: by name, reversed for Newer', () => {
    const rss = [
      newRS('b', 2, { created: early }),
      newRS('a', 2, { created: early }),
      newRS('c', 2, { created: early }),
    ];
    expect(names([...rss].sort(byCreationTimestamp))).toEqual(['a', 'b', 'c']);
    expect(names([...rss].sort(bySizeOlder))).toEqual(['a', 'b', 'c']);
    expect(names([...rss].sort(bySizeNewer))).toEqual(['c', 'b', 'a']);
  });
});

describe('TestEqualIgnoreHash', () => {
  /** generatePodTemplateSpec(name, nodeName, annotations, labels) */
  const spec = (name: string, nodeName: string, annotations: Record<string, string>, labels: Record<string, string>) =>
    ({ metadata: { name, annotations, labels }, spec: { nodeName } }) as unknown as PodTemplateSpec;
  const H = POD_TEMPLATE_HASH_LABEL;
  const cases: [string, PodTemplateSpec, PodTemplateSpec, boolean][] = [
    [
      'Same spec, same labels',
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      true,
    ],
    [
      'Same spec, only pod-template-hash label value is different',
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the former doesn't have pod-template-hash label",
      spec('foo', 'foo-node', {}, { something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      'Same spec, the label is different, and the pod-template-hash label value is the same',
      spec('foo', 'foo-node', {}, { [H]: 'value-1' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, same labels',
      spec('foo', 'foo-node', { former: 'value' }, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', { latter: 'value' }, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, different pod-template-hash label value',
      spec('foo-1', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo-2', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      "Different spec, the former doesn't have pod-template-hash label",
      spec('foo-1', 'foo-node-1', {}, { something: 'else' }),
      spec('foo-2', 'foo-node-2', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      'Different spec, different labels',
      spec('foo', 'foo-node-1', {}, { something: 'else' }),
      spec('foo', 'foo-node-2', {}, { nothing: 'else' }),
      false,
    ],
  ];
  it.each(cases)('%s (both orders)', (_name, former, latter, expected) => {
    expect(equalIgnoreHash(former, latter)).toBe(expected);
    expect(equalIgnoreHash(latter, former)).toBe(expected);
    expect(former.metadata?.labels).toBeDefined();
  });
});

describe('TestFindOldReplicaSets', () => {
  const d = newDeployment(1);
  const template = (container: string) =>
    ({
      metadata: { labels: { foo: 'bar' } },
      spec: { containers: [{ name: container, image: 'nginx' }] },
    }) as PodTemplateSpec;
  d.spec.template = template('nginx');
  const withHash = (name: string, replicas: number, created: string, hash?: string, container = 'nginx') => {
    const rs = newRS(name, replicas, { created });
    rs.spec.template = template(container);
    if (hash) rs.spec.template.metadata!.labels![POD_TEMPLATE_HASH_LABEL] = hash;
    return rs;
  };
  const newer = withHash('new', 1, '2016-05-20T00:01:00Z', 'hash');
  const newDup = withHash('new-dup', 0, '2016-05-20T00:00:00Z', 'different-hash');
  const old = withHash('old', 0, '2016-05-19T23:59:00Z', undefined, 'nginx-old-1');
  const names = (rss: ReturnType<typeof newRS>[]) => rss.map((rs) => rs.metadata.name).sort();

  it.each([
    ['Get old ReplicaSets', [newer, old], ['old'], []],
    ['Get old ReplicaSets with no new ReplicaSet', [old], ['old'], []],
    [
      'Get old ReplicaSets with two new ReplicaSets, only the oldest new ReplicaSet is seen as new ReplicaSet',
      [old, newer, newDup],
      ['new', 'old'],
      ['new'],
    ],
    ['Get empty old ReplicaSets', [newer], [], []],
  ])('%s', (_name, rsList, all, required) => {
    const r = findOldReplicaSets(d, rsList);
    expect(names(r.all)).toEqual(all);
    expect(names(r.required)).toEqual(required);
  });
});

describe('isSaturated (TestAnnotationUtils/IsSaturated)', () => {
  const d = newDeployment(1);
  const rs = (replicas: number, desired: string | undefined, available: number) =>
    newRS('rs', replicas, {
      available,
      ...(desired === undefined ? {} : { annotations: { [DESIRED_REPLICAS_ANNOTATION]: desired } }),
    });

  it('all replicas asked for, remembered and available: saturated', () => {
    expect(isSaturated(d, rs(1, '1', 1))).toBe(true);
  });

  it('any of the three short, or no annotation: not saturated', () => {
    expect(isSaturated(d, rs(1, '1', 0))).toBe(false);
    expect(isSaturated(d, rs(1, '2', 1))).toBe(false);
    expect(isSaturated(d, rs(2, '1', 1))).toBe(false);
    expect(isSaturated(d, rs(1, undefined, 1))).toBe(false);
    expect(isSaturated(d, rs(1, 'one', 1))).toBe(false);
    expect(isSaturated(d, undefined)).toBe(false);
  });
});

describe('replicaSetProportion: the fraction (TestGetReplicaSetFraction)', () => {
  // getReplicaSetFraction is private; a limit far above any fraction leaves it bare.
  const UNBOUNDED = 1_000_000;
  it.each([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['unsynced deployment does not scale when max-replicas annotation is missing', 10, 0, 0, 5, undefined, 0],
    ['unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0', 10, 0, 0, 5, '0', 0],
    [
      'scale up by 1/5 when max-replicas annotation is missing (falls back to status.replicas)',
      120,
      100,
      0,
      50,
      undefined,
      10,
    ],
    ['scale up by 1/5 when max-replicas annotation is incorrectly set to 0', 120, 100, 0, 50, '0', 10],
    ['scale up by 1/5 should increase RS replicas by 1/5', 120, 0, 0, 50, '100', 10],
    ['scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5', 120, 0, 10, 50, '110', 9],
    ['scale down by 1/6 should decrease RS replicas by 1/6', 10, 0, 0, 6, '12', -1],
    ['scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6', 100, 0, 10, 50, '130', -8],
  ] as const)('%s', (_name, replicas, statusReplicas, surge, rsReplicas, maxAnnotation, fraction) => {
    const d = newDeployment(replicas, surge, 1);
    d.status = { replicas: statusReplicas };
    const rs = newRS(
      'rs',
      rsReplicas,
      maxAnnotation === undefined ? {} : { annotations: { [MAX_REPLICAS_ANNOTATION]: maxAnnotation } },
    );
    expect(replicaSetProportion(d, rs, UNBOUNDED, 0)).toBe(fraction);
  });
});
