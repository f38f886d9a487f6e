/**
 * The table printers by kind. A kind that brings its own columns adds a file here and
 * one line below; every other kind prints NAME and AGE.
 */
import { configMapPrinter, secretPrinter } from './config';
import { controllerRevisionPrinter } from './controllerrevision';
import { cronJobPrinter } from './cronjob';
import { daemonSetPrinter } from './daemonset';
import { deploymentPrinter } from './deployment';
import { eventPrinter } from './event';
import { genericPrinter } from './generic';
import { jobPrinter } from './job';
import { leasePrinter } from './lease';
import { namespacePrinter } from './namespace';
import { nodePrinter } from './node';
import { persistentVolumeClaimPrinter } from './persistentvolumeclaim';
import { podPrinter } from './pod';
import { replicaSetPrinter, replicationControllerPrinter } from './replicaset';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './service';
import { statefulSetPrinter } from './statefulset';
import type { Printer } from './types';

const PRINTERS = new Map<string, Printer>([
  ['Pod', podPrinter],
  ['Node', nodePrinter],
  ['Event', eventPrinter],
  ['Namespace', namespacePrinter],
  ['Lease', leasePrinter],
  ['Job', jobPrinter],
  ['CronJob', cronJobPrinter],
  ['ReplicaSet', replicaSetPrinter],
  ['Deployment', deploymentPrinter],
  ['ReplicationController', replicationControllerPrinter],
  ['DaemonSet', daemonSetPrinter],
  ['StatefulSet', statefulSetPrinter],
  ['ControllerRevision', controllerRevisionPrinter],
  ['PersistentVolumeClaim', persistentVolumeClaimPrinter],
  ['Service', servicePrinter],
  ['Endpoints', endpointsPrinter],
  ['EndpointSlice', endpointSlicePrinter],
  ['ConfigMap', configMapPrinter],
  ['Secret', secretPrinter],
]);

/** Lets a feature that adds a kind register its printer. */
export function registerPrinter(kind: string, printer: Printer): void {
  PRINTERS.set(kind, printer);
}

export function printerFor(kind: string): Printer {
  return PRINTERS.get(kind) ?? genericPrinter;
}

export type { PrintContext, Printer } from './types';
