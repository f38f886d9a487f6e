import { describe, expect, it } from 'vitest';
import { podView } from './fixtures';
import { groupPods } from './group';
import { podModel } from './model';

const rs = (name: string, i: number, extra = {}) =>
  podModel(podView(`${name}-${i}x`, 'node-1', { owner: { kind: 'ReplicaSet', name }, ...extra }));

describe('groupPods', () => {
  it('shows every pod while they fit', () => {
    const pods = [rs('web', 1), rs('web', 2), rs('api', 1)];
    expect(groupPods('node:node-1', pods, 3, new Set()).map((i) => i.type)).toEqual(['pod', 'pod', 'pod']);
  });

  it('folds the pods of each owner into one group when they do not fit', () => {
    const pods = [rs('api', 1), ...[1, 2, 3, 4].map((i) => rs('web', i)), podModel(podView('alone', 'node-1'))];
    const items = groupPods('node:node-1', pods, 3, new Set());
    expect(items.map((i) => i.key)).toEqual([
      'pod:default/api-1x',
      'group:default/ReplicaSet/web',
      'pod:default/alone',
    ]);
    const group = items[1];
    if (group.type !== 'group') throw new Error('expected a group');
    expect(group.label).toBe('4 pods of ReplicaSet web');
    expect(group.pods).toHaveLength(4);
    expect(group.toggleKey).toBe('node:node-1|group:default/ReplicaSet/web');
  });

  it('counts the looks inside a group, attention first', () => {
    const pods = [
      rs('web', 1),
      rs('web', 2, { status: 'CrashLoopBackOff', podReady: false }),
      rs('web', 3),
      rs('web', 4, { status: 'Pending', podReady: false }),
    ];
    const [group] = groupPods('b', pods, 2, new Set());
    expect(group.type === 'group' && group.looks).toEqual([
      ['crashloop', 1],
      ['pending', 1],
      ['ready', 2],
    ]);
  });

  it('groups by name prefix when the view carries no owner', () => {
    const pods = [1, 2, 3].map((i) => podModel(podView(`web-5d8f7c9b6-p${i}`, 'node-1')));
    const [group] = groupPods('b', pods, 2, new Set());
    expect(group.type === 'group' && group.label).toBe('3 pods of web-5d8f7c9b6');
  });

  it('opens a group the learner expanded, in that box only', () => {
    const pods = [1, 2, 3, 4].map((i) => rs('web', i));
    expect(groupPods('node:node-1', pods, 2, new Set(['node:node-1|group:default/ReplicaSet/web']))).toHaveLength(4);
    expect(groupPods('node:node-2', pods, 2, new Set(['node:node-1|group:default/ReplicaSet/web']))).toHaveLength(1);
  });
});
