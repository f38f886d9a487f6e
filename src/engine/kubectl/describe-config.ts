/**
 * kubectl describe configmap and secret (describeConfigMap, describeSecret in kubectl
 * pkg/describe/describe.go). A ConfigMap shows its values; a Secret only how many
 * bytes each holds, except a service account token. Keys come sorted where Go's map
 * order would be random.
 */
import { decodeStd, utf8Decode } from '../api/base64';
import { SecretType } from '../api/config-types';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../index';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';

const sorted = (m: unknown): [string, string][] =>
  Object.entries(m && typeof m === 'object' ? (m as Record<string, string>) : {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );

function decoded(b64: string): Uint8Array {
  const r = decodeStd(String(b64));
  return r.ok ? r.bytes : new Uint8Array();
}

function writeMeta(w: DescribeWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
}

export function describeConfigMap(cluster: Cluster, cm: KubeObject): string {
  const w = new DescribeWriter();
  writeMeta(w, cm);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of sorted(cm.data)) w.write(0, `${k}:\n----\n${v}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const [k, v] of sorted(cm.binaryData)) w.write(0, `${k}: ${decoded(v).length} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, eventsFor(cluster, cm), cluster.now());
  return w.toString();
}

export function describeSecret(secret: KubeObject): string {
  const w = new DescribeWriter();
  writeMeta(w, secret);
  w.write(0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  for (const [k, v] of sorted(secret.data)) {
    const bytes = decoded(v);
    if (k === 'token' && secret.type === SecretType.ServiceAccountToken) w.write(0, `${k}:\t${utf8Decode(bytes)}\n`);
    else w.write(0, `${k}:\t${bytes.length} bytes\n`);
  }
  return w.toString();
}
