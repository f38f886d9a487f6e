// `kubectl logs --timestamps` end to end: the kubelet keeps each line's time and
// prefixes it as RFC 3339 with nanoseconds (kuberuntime_logs.go writes
// `timestamp.Format(timeFormatOut)` where timeFormatOut = RFC3339Nano with zero padding).
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

const RFC3339_NANO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /;

describe('kubectl logs --timestamps', () => {
  const t = testCluster({ nodes: 1, heartbeats: true })
    .apply(`apiVersion: v1
kind: Pod
metadata:
  name: talk
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "echo one; echo two"]
`)
    .advance('60s');

  it('prefixes every line with the time the container wrote it', () => {
    const r = t.run('logs talk --timestamps');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(RFC3339_NANO);
    expect(lines.map((l) => l.replace(RFC3339_NANO, ''))).toEqual(['one', 'two']);
  });

  it('prints the bare lines without the flag', () => {
    expect(t.run('logs talk').stdout).toBe('one\ntwo\n');
  });

  it('the public logs() passes the option through', () => {
    expect(t.cluster.logs('default', 'talk', { timestamps: true }).text).toMatch(RFC3339_NANO);
    expect(t.cluster.logs('default', 'talk').text).toBe('one\ntwo\n');
  });
});
