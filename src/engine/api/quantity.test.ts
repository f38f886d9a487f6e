// mirrors k8s.io/apimachinery/pkg/api/resource quantity parsing (quantity_test.go):
// decimal SI, binary SI and exponent suffixes; values rounded up at the milli scale.
import { describe, expect, it } from 'vitest';
import { bytes, cpuMilli, formatBytes, formatCpu, parseQuantity } from './quantity';

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
