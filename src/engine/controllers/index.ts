/**
 * Every controller the cluster runs, in the order their queued keys are first served.
 * Each file is one controller, shaped like its upstream counterpart.
 */
import { createEventTtlController } from '../events/ttl';
import { createKubelet } from '../kubelet';
import { createScheduler } from '../scheduler';
import { createCronJobController } from './cronjob';
import { createDaemonSetController } from './daemonset';
import { createDeploymentController } from './deployment';
import { createEndpointsController } from './endpoints';
import { createEndpointSliceController } from './endpointslice';
import { createGarbageCollector } from './garbagecollector';
import { createJobController } from './job';
import type { Controller } from './manager';
import { createNamespaceController } from './namespace';
import { createNodeLifecycleController } from './nodelifecycle';
import { createPodGcController } from './podgc';
import { createReplicaSetController } from './replicaset';
import { createServiceLbController } from './service-lb';
import { createStatefulSetController } from './statefulset';
import { createSystemNamespacesController } from './systemnamespaces';
import { createTaintEvictionController } from './tainteviction';
import { createTtlAfterFinishedController } from './ttlafterfinished';

export function allControllers(): Controller[] {
  return [
    createScheduler(),
    createKubelet(),
    createNodeLifecycleController(),
    createTaintEvictionController(),
    createDeploymentController(),
    createReplicaSetController(),
    createDaemonSetController(),
    createStatefulSetController(),
    createGarbageCollector(),
    createPodGcController(),
    createNamespaceController(),
    createSystemNamespacesController(),
    createJobController(),
    createCronJobController(),
    createTtlAfterFinishedController(),
    createEventTtlController(),
    createEndpointSliceController(),
    createEndpointsController(),
    createServiceLbController(),
  ];
}
