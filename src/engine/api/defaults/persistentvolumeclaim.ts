/**
 * SetDefaults_PersistentVolumeClaim / SetDefaults_PersistentVolumeClaimSpec: a new
 * claim is Pending with a Filesystem volume mode. Nothing binds claims yet (no
 * PersistentVolumes or provisioner), so they stay Pending.
 */
import type { KubeObject } from '../types';
import { isRecord } from '../validation/field';

export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  if (isRecord(obj.spec)) obj.spec.volumeMode ??= 'Filesystem';
  if (!isRecord(obj.status)) obj.status = {};
  if (!obj.status.phase) obj.status.phase = 'Pending';
}
