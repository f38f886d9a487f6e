// ComputeZoneState (node_lifecycle_controller.go): no Ready node → FullDisruption; more
// than 2 not Ready and at least --unhealthy-zone-threshold (0.55) of the zone → Partial.
import { describe, expect, it } from 'vitest';
import { computeZoneState } from './disruption';

const T = 'True';
const F = 'False';
const U = 'Unknown';

describe('computeZoneState', () => {
  it.each([
    [[T, T, T], 0, 'Normal'],
    [[F], 1, 'FullDisruption'],
    [[U, undefined], 2, 'FullDisruption'],
    [[T, F, F], 2, 'Normal'],
    [[T, F, F, U], 3, 'PartialDisruption'],
    [[T, T, F, F, U], 3, 'PartialDisruption'],
    [[T, T, T, F, F, U], 3, 'Normal'],
    [[], 0, 'Normal'],
  ])('%j → %i not ready, %s', (statuses, notReady, state) => {
    expect(computeZoneState(statuses, 0.55)).toEqual([notReady, state]);
  });
});
