/** The Go types of apps/v1 Deployment, for the API server's strict decoding. */
import { goTypes, podTemplateSpec, registerSchema, topLevel } from '../schema';
import { labelSelector } from './replicaset';

const { i32, str, bool, intOrString, struct, open } = goTypes;

registerSchema(
  'Deployment',
  topLevel('v1.Deployment', () => ({
    spec: struct('v1.DeploymentSpec', () => ({
      replicas: i32,
      selector: labelSelector,
      template: podTemplateSpec,
      strategy: struct('v1.DeploymentStrategy', () => ({
        type: str,
        rollingUpdate: struct('v1.RollingUpdateDeployment', () => ({
          maxUnavailable: intOrString,
          maxSurge: intOrString,
        })),
      })),
      minReadySeconds: i32,
      revisionHistoryLimit: i32,
      paused: bool,
      progressDeadlineSeconds: i32,
    })),
    status: open('v1.DeploymentStatus'),
  })),
);
