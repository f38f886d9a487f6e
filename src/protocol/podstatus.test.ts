import { describe, expect, it } from 'vitest';
import { podStatusTone } from './podstatus';

describe('podStatusTone', () => {
  it.each([
    ['Running', 'ok'],
    ['Pending', 'progress'],
    ['ContainerCreating', 'progress'],
    ['Init:0/2', 'progress'],
    ['Terminating', 'warning'],
    ['Completed', 'done'],
    ['CrashLoopBackOff', 'error'],
    ['Error', 'error'],
    ['ImagePullBackOff', 'error'],
    ['Init:CrashLoopBackOff', 'error'],
  ])('%s reads as %s', (status, tone) => {
    expect(podStatusTone(status)).toBe(tone);
  });
});
