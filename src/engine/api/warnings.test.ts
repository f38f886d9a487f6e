// The API server's pod warnings (pkg/api/pod/warnings.go warningsForPodSpecAndMeta and
// warnings_test.go): the write succeeds and kubectl prints each as `Warning: ...`.
import { describe, expect, it } from 'vitest';
import { podSpecWarnings } from './warnings';

const c = (name: string, ports: unknown[], extra: object = {}) => ({ name, image: 'nginx', ports, ...extra });

describe('podSpecWarnings', () => {
  it.each([
    [
      'same containerPort and protocol in two containers',
      {
        containers: [
          c('a', [{ containerPort: 80, protocol: 'TCP' }]),
          c('b', [{ containerPort: 80, protocol: 'TCP' }]),
        ],
      },
      ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'],
    ],
    [
      'different protocols do not collide',
      {
        containers: [
          c('a', [
            { containerPort: 53, protocol: 'TCP' },
            { containerPort: 53, protocol: 'UDP' },
          ]),
        ],
      },
      [],
    ],
    [
      'a hostPort on one of them overlaps',
      {
        containers: [
          c('a', [{ containerPort: 80, protocol: 'TCP', hostPort: 8080 }]),
          c('b', [{ containerPort: 80, protocol: 'TCP' }]),
        ],
      },
      ['spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0]'],
    ],
    [
      'same hostPort, one with a hostIP: dangerously ambiguous',
      {
        containers: [
          c('a', [{ containerPort: 80, protocol: 'TCP', hostPort: 8080 }]),
          c('b', [{ containerPort: 80, protocol: 'TCP', hostPort: 8080, hostIP: '10.0.0.1' }]),
        ],
      },
      ['spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
    ],
    [
      'init containers are visited first',
      {
        initContainers: [c('i', [{ containerPort: 80, protocol: 'TCP' }])],
        containers: [c('a', [{ containerPort: 80, protocol: 'TCP' }])],
      },
      ['spec.containers[0].ports[0]: duplicate port definition with spec.initContainers[0].ports[0]'],
    ],
    [
      'a negative grace period',
      { terminationGracePeriodSeconds: -5, containers: [c('a', [])] },
      ['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1'],
    ],
    [
      'fractional bytes',
      { containers: [c('a', [], { resources: { limits: { memory: '1500m' } } })] },
      ['spec.containers[0].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer'],
    ],
    [
      'an env var redefined without referring to the first',
      {
        containers: [
          c('a', [], {
            env: [
              { name: 'A', value: '1' },
              { name: 'A', value: '2' },
            ],
          }),
        ],
      },
      ['spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply'],
    ],
    [
      'an env var that extends the first is fine',
      {
        containers: [
          c('a', [], {
            env: [
              { name: 'P', value: '/a' },
              { name: 'P', value: '$(P):/b' },
            ],
          }),
        ],
      },
      [],
    ],
  ])('%s', (_name, spec, expected) => {
    expect(podSpecWarnings(spec, 'spec')).toEqual(expected);
  });

  it('uses the template path for workloads', () => {
    const spec = {
      containers: [c('a', [{ containerPort: 80, protocol: 'TCP' }]), c('b', [{ containerPort: 80, protocol: 'TCP' }])],
    };
    expect(podSpecWarnings(spec, 'spec.template.spec')).toEqual([
      'spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]',
    ]);
  });
});
