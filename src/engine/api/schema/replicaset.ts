/**
 * The Go types of apps/v1 ReplicaSet and core/v1 ReplicationController, for the API
 * server's strict decoding (`strict decoding error: unknown field "spec.replica"`).
 */
import { goTypes, podTemplateSpec, registerSchema, topLevel } from '../schema';

const { i32, str, strings, stringMap, list, struct, open } = goTypes;

export const labelSelector = struct('v1.LabelSelector', () => ({
  matchLabels: stringMap,
  matchExpressions: list(struct('v1.LabelSelectorRequirement', () => ({ key: str, operator: str, values: strings }))),
}));

registerSchema(
  'ReplicaSet',
  topLevel('v1.ReplicaSet', () => ({
    spec: struct('v1.ReplicaSetSpec', () => ({
      replicas: i32,
      minReadySeconds: i32,
      selector: labelSelector,
      template: podTemplateSpec,
    })),
    status: open('v1.ReplicaSetStatus'),
  })),
);

registerSchema(
  'ReplicationController',
  topLevel('v1.ReplicationController', () => ({
    spec: struct('v1.ReplicationControllerSpec', () => ({
      replicas: i32,
      minReadySeconds: i32,
      selector: stringMap,
      template: podTemplateSpec,
    })),
    status: open('v1.ReplicationControllerStatus'),
  })),
);
