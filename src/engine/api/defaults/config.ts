/**
 * ConfigMap and Secret as the API server stores them: Convert_v1_Secret_To_core_Secret
 * merges stringData into data (a stringData key wins) and drops it, SetDefaults_Secret
 * makes an untyped Secret Opaque, and []byte values come back in Go's canonical base64
 * (newlines in the submitted text are gone). Empty maps vanish, as `omitempty` does.
 */
import { decodeStd, encodeStd, encodeText } from '../base64';
import { SecretType } from '../config-types';
import type { KubeObject } from '../types';
import { isRecord } from '../validation/field';

export function defaultSecret(obj: KubeObject): void {
  const data: Record<string, unknown> = isRecord(obj.data) ? { ...obj.data } : {};
  if (isRecord(obj.stringData)) {
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = encodeText(String(v ?? ''));
  }
  delete obj.stringData;
  setBytesMap(obj, 'data', data);
  if (!obj.type) obj.type = SecretType.Opaque;
}

export function defaultConfigMap(obj: KubeObject): void {
  if (isRecord(obj.data) && Object.keys(obj.data).length === 0) delete obj.data;
  setBytesMap(obj, 'binaryData', isRecord(obj.binaryData) ? obj.binaryData : {});
}

function setBytesMap(obj: KubeObject, field: string, values: Record<string, unknown>): void {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = canonical(v);
  if (Object.keys(out).length > 0) obj[field] = out;
  else delete obj[field];
}

function canonical(v: unknown): string {
  if (typeof v !== 'string') return '';
  const r = decodeStd(v);
  return r.ok ? encodeStd(r.bytes) : v;
}
