// Every case of the validation_messages topic of ../shared/k8s-vectors.json, by id.
// Pod and name cases go through cluster.apply; the Deployment/Service cases check the
// shared validators those kinds will call (workload.ts, names.ts), and the aggregate
// message they produce, since those kinds are not served yet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { formatFieldError, invalidError } from './errors';
import { Path, required } from './validation/field';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPortName } from './validation/names';
import {
  validateDeploymentStrategy,
  validateSelectorMatchesTemplate,
  validateTemplateRestartPolicy,
} from './validation/workload';

interface Case {
  id: string;
  given: Record<string, any>;
  expect: Record<string, any>;
}

const vectors = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/k8s-vectors.json'), 'utf8'));
const cases: Case[] = vectors.topics.validation_messages;
const byId = new Map(cases.map((c) => [c.id, c]));

function pod(containers: unknown[], name = 'web'): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers } });
}

const strategyPath = Path.root('spec').child('strategy');

/** Runs one case and returns the messages it produced (errors or warnings). */
const RUNNERS: Record<string, (c: Case) => void> = {
  'deploy-selector-mismatch': (c) => {
    const errs = validateSelectorMatchesTemplate(
      { matchLabels: c.given['spec.selector.matchLabels'] },
      { metadata: { labels: c.given['spec.template.metadata.labels'] } },
      Path.root('spec').child('template'),
    );
    expect(errs[0]).toMatchObject({ field: c.expect.field, type: 'Invalid value', detail: c.expect.detail });
    expect(invalidError(c.given.kind, c.given.name, errs).message).toBe(c.expect.kubectlError);
  },
  'deploy-surge-and-unavailable-zero': (c) => {
    const errs = validateDeploymentStrategy(
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: c.given.maxSurge, maxUnavailable: c.given.maxUnavailable } },
      strategyPath,
    );
    expect(errs.map((e) => e.field)).toContain(c.expect.field);
    expect(invalidError(c.given.kind, c.given.name, errs).message).toBe(c.expect.kubectlError);
  },
  'deploy-max-unavailable-over-100': (c) => {
    const errs = validateDeploymentStrategy(
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: c.given.maxUnavailable } },
      strategyPath,
    );
    expect(errs[0].field).toBe(c.expect.field);
    expect(formatFieldError(errs[0])).toContain(c.expect.detailContains);
  },
  'deploy-bad-percent': (c) => {
    const errs = validateDeploymentStrategy(
      { type: 'RollingUpdate', rollingUpdate: { maxSurge: c.given.maxSurge, maxUnavailable: 1 } },
      strategyPath,
    );
    expect(errs[0].detail).toBe(c.expect.detail);
  },
  'deploy-restart-policy-never': (c) => {
    const path = Path.root('spec').child('template', 'spec', 'restartPolicy');
    const errs = validateTemplateRestartPolicy(c.given['spec.template.spec.restartPolicy'], path);
    expect(errs[0].field).toBe(c.expect.field);
    expect(formatFieldError(errs[0])).toContain(c.expect.detailContains);
  },
  'deploy-bad-strategy-type': (c) => {
    const errs = validateDeploymentStrategy({ type: c.given['spec.strategy.type'] }, strategyPath);
    expect(formatFieldError(errs[0])).toContain(c.expect.detailContains);
  },
  'deploy-recreate-with-rollingupdate': (c) => {
    const errs = validateDeploymentStrategy(c.given['spec.strategy'], strategyPath);
    expect(formatFieldError(errs[0])).toContain(c.expect.detailContains);
  },
  'deploy-missing-name': (c) => {
    // ValidateObjectMeta's Required error, as the server words it for any kind
    const e = required(Path.root('metadata').child('name'), 'name or generateName is required');
    expect(c.given['metadata.name']).toBe('');
    expect(formatFieldError(e)).toContain(c.expect.detailContains);
    // and through the API for a kind we serve (kubectl apply itself refuses earlier, see apply.test.ts)
    expect(() =>
      createCluster().core.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {},
        spec: { containers: [{ name: 'a', image: 'nginx' }] },
      } as never),
    ).toThrow('The Pod "" is invalid: metadata.name: Required value: name or generateName is required');
  },
  'dup-container-port-warning': (c) => {
    const containers = c.given.containers.map((x: any) => ({ ...x, image: 'nginx' }));
    const r = createCluster().apply(pod(containers));
    expect(r.ok).toBe(c.expect.accepted);
    expect(r.warnings.map((w) => w.message)).toEqual([c.expect.warning]);
    expect(`Warning: ${r.warnings[0].message}`).toBe(c.expect.kubectlStderr);
  },
  'dup-container-port-same-container': (c) => {
    const containers = c.given.containers.map((x: any) => ({ ...x, image: 'nginx' }));
    const r = createCluster().apply(pod(containers));
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([c.expect.warning]);
  },
  'name-dns1123-subdomain': (c) => {
    const r = createCluster().apply(pod([{ name: 'a', image: 'nginx' }], c.given.name));
    expect(r.errors[0].path).toBe(c.expect.field);
    expect(r.errors[0].message).toBe(c.expect.kubectlError.replace('The Deployment', 'The Pod'));
    expect(isDNS1123Subdomain(c.given.name)).toEqual([c.expect.detail]);
  },
  'name-too-long-subdomain': (c) => {
    const r = createCluster().apply(pod([{ name: 'a', image: 'nginx' }], 'a'.repeat(c.given.nameLength)));
    expect(r.errors[0].message).toContain(c.expect.detailContains);
  },
  'service-name-dns1035': (c) => {
    expect(isDNS1035Label(c.given.name)).toEqual([c.expect.detail]);
  },
  'label-dns1123': (c) => {
    expect(isDNS1123Label(c.given.value)).toEqual([c.expect.detail]);
  },
  'label-with-dots': (c) => {
    expect(isDNS1123Label(c.given.value)).toEqual([c.expect.detail]);
  },
  'port-range': (c) => {
    const r = createCluster().apply(pod([{ name: 'a', image: 'nginx', ports: [{ containerPort: c.given.port }] }]));
    expect(r.errors[0].message).toBe(
      `The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: ${c.given.port}: ${c.expect.detail}`,
    );
  },
  'port-name-rules': (c) => {
    expect(isValidPortName(c.given.portName)).toEqual(c.expect.details);
  },
};

describe('k8s-vectors validation_messages', () => {
  it('has a runner for every case in the topic, and no runner without a case', () => {
    expect(Object.keys(RUNNERS).sort()).toEqual([...byId.keys()].sort());
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    RUNNERS[id](c);
  });
});
