import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortName } from './names';

describe('shortName', () => {
  it('leaves short names alone', () => {
    expect(shortName('web', 20)).toBe('web');
  });

  it('keeps the start and the random suffix of a long pod name', () => {
    expect(shortName('nginx-deployment-66b6c48dd5-4jkwp', 20)).toBe('nginx-deploym…-4jkwp');
  });

  it('never returns more than max characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 60 }), fc.integer({ min: 6, max: 40 }), (name, max) => {
        expect(shortName(name, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
