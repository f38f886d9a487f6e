// mirrors k8s.io/apimachinery/pkg/api/resource quantity parsing (quantity_test.go):
// decimal SI, binary SI and exponent suffixes; values rounded up at the milli scale.
import { describe, expect, it } from 'vitest';
import {
  bytes,
  canonicalQuantity,
  compareQuantity,
  cpuMilli,
  formatBytes,
  formatCpu,
  parseExactQuantity,
  parseQuantity,
} from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['500m', 500],
    ['1.5', 1500],
    ['1', 1000],
    ['0.1', 100],
    ['100u', 1],
    [2, 2000],
    [0.25, 250],
    ['1e3', 1_000_000],
  ])('cpu %s is %d millicores', (q, milli) => {
    expect(cpuMilli(q)).toBe(milli);
  });

  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['1G', 1_000_000_000],
    ['1Gi', 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['64k', 64_000],
    ['129M', 129_000_000],
    ['123', 123],
    ['1Ki', 1024],
  ])('memory %s is %d bytes', (q, n) => {
    expect(bytes(q)).toBe(n);
  });

  it.each(['three', '1Gb', '', '1..5', 'Mi', '1 Gi', '--1'])('rejects %j', (q) => {
    expect(parseQuantity(q)).toBeUndefined();
  });

  it('formats like kubectl', () => {
    expect(formatCpu(250)).toBe('250m');
    expect(formatCpu(2000)).toBe('2');
    expect(formatBytes(128 * 2 ** 20)).toBe('128Mi');
    expect(formatBytes(1000)).toBe('1000');
  });
});

// Quantity.String() canonical forms and Cmp (quantity_test.go TestQuantityString / TestQuantityCmp)
describe('formatQuantity / compareQuantity', () => {
  it.each([
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['1000m', '1'],
    ['1', '1'],
    ['0', '0'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['0.5Gi', '512Mi'],
    ['1536Mi', '1536Mi'],
    ['100Ki', '100Ki'],
    ['1G', '1G'],
    ['1500M', '1500M'],
    ['1e3', '1e3'],
    ['100u', '100u'],
    ['0.0000000001', '1n'],
    [0.25, '250m'],
    ['-1', '-1'],
  ])('%j is written %s', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it.each(['', 'abc', '1.2.3', '1Qi', '--1', '1e999999'])('%j is not a quantity', (s) => {
    expect(parseExactQuantity(s)).toBeUndefined();
  });

  it('compares across formats exactly (100m == 0.1, 1Gi > 1G)', () => {
    const q = (s: string) => parseExactQuantity(s) as NonNullable<ReturnType<typeof parseExactQuantity>>;
    expect(compareQuantity(q('100m'), q('0.1'))).toBe(0);
    expect(compareQuantity(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantity(q('600m'), q('0.5'))).toBe(1);
  });
});
