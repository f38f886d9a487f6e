import { beforeEach, describe, expect, it } from 'vitest';
import type { Inspection } from '../../protocol/messages';
import { clearSelection, isSelected, receiveInspection, select, useSelectionStore } from './selectionStore';

const inspection = (ref: Inspection['ref']): Inspection => ({
  ref,
  exists: true,
  facts: [],
  conditions: [],
  containers: [],
  yaml: '',
  events: [],
  owners: [],
  dependants: { relation: 'owns', objects: [] },
});

describe('selectionStore', () => {
  beforeEach(() => clearSelection());

  it('selects one object, defaulting the namespace, and drops a node namespace', () => {
    select({ kind: 'Pod', name: 'web' });
    expect(useSelectionStore.getState().selected).toEqual({ kind: 'Pod', namespace: 'default', name: 'web' });
    expect(isSelected(useSelectionStore.getState(), 'Pod', 'web', 'default')).toBe(true);
    select({ kind: 'Node', namespace: '', name: 'node-1' });
    expect(useSelectionStore.getState().selected).toEqual({ kind: 'Node', name: 'node-1' });
  });

  it('keeps only the inspection of the selected object', () => {
    select({ kind: 'Pod', namespace: 'default', name: 'web' });
    receiveInspection(inspection({ kind: 'Pod', namespace: 'default', name: 'other' }));
    expect(useSelectionStore.getState().inspection).toBeNull();
    receiveInspection(inspection({ kind: 'Pod', namespace: 'default', name: 'web' }));
    expect(useSelectionStore.getState().inspection?.ref.name).toBe('web');
    // a new selection starts empty until its answer arrives
    select({ kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(useSelectionStore.getState().inspection).toBeNull();
    // a cluster-scoped kind the page does not list still gets its answer
    select({ kind: 'PriorityClass', name: 'high' });
    receiveInspection(inspection({ kind: 'PriorityClass', name: 'high' }));
    expect(useSelectionStore.getState().inspection?.ref.name).toBe('high');
    clearSelection();
    expect(useSelectionStore.getState()).toEqual({ selected: null, inspection: null });
  });
});
