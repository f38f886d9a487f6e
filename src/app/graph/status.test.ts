import { describe, expect, it } from 'vitest';
import { podBadge, podLook, readyCounts } from './status';

describe('podLook', () => {
  it.each([
    ['Pending', false, 'pending'],
    ['ContainerCreating', false, 'creating'],
    ['PodInitializing', false, 'creating'],
    ['Init:0/1', false, 'creating'],
    ['Running', true, 'ready'],
    ['Running', false, 'not-ready'],
    ['NotReady', false, 'not-ready'],
    ['CrashLoopBackOff', false, 'crashloop'],
    ['Init:CrashLoopBackOff', false, 'crashloop'],
    ['Terminating', true, 'terminating'],
    ['Evicted', false, 'failed'],
    ['Failed', false, 'failed'],
    ['ErrImagePull', false, 'failed'],
    ['ImagePullBackOff', false, 'failed'],
    ['OOMKilled', false, 'failed'],
    ['Completed', false, 'completed'],
    ['Unknown', false, 'unknown'],
  ])('%s (Ready %s) reads as %s', (status, podReady, look) => {
    expect(podLook({ status, phase: 'Running', podReady })).toBe(look);
  });
});

describe('podBadge', () => {
  it('says Ready or not Ready beside Running, so readiness is in words', () => {
    expect(podBadge({ status: 'Running', phase: 'Running', podReady: true }).text).toBe('Running · Ready');
    expect(podBadge({ status: 'Running', phase: 'Running', podReady: false }).text).toBe('Running · not Ready');
  });

  it('gives every look its own icon', () => {
    const statuses = [
      'Pending',
      'ContainerCreating',
      'Running',
      'NotReady',
      'CrashLoopBackOff',
      'Terminating',
      'Evicted',
      'Completed',
      'Unknown',
    ];
    const icons = statuses.map((status) => podBadge({ status, phase: '', podReady: status === 'Running' }).icon);
    expect(new Set(icons).size).toBe(statuses.length);
  });

  it('keeps the engine STATUS text otherwise', () => {
    expect(podBadge({ status: 'ErrImagePull', phase: 'Pending', podReady: false }).text).toBe('ErrImagePull');
  });
});

describe('readyCounts', () => {
  it('reads the READY column', () => {
    expect(readyCounts('2/3')).toEqual({ ready: 2, total: 3 });
    expect(readyCounts('')).toEqual({ ready: 0, total: 0 });
  });
});
