/**
 * ConfigMap and Secret validation: ValidateConfigMap, ValidateConfigMapUpdate,
 * ValidateSecret and ValidateSecretUpdate (pkg/apis/core/validation/validation.go).
 * Sizes are bytes: a ConfigMap's text in UTF-8, []byte values decoded.
 */
import '../schema/config';
import { decodeStd, utf8Decode } from '../base64';
import { MAX_SECRET_SIZE, SecretKey, SecretType } from '../config-types';
import { type ErrorList, forbidden, invalid, isRecord, Path, required, sortedKeys, tooLong } from './field';
import { validateObjectMeta } from './meta';
import { byteLength, maxLenError, regexError } from './names';

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY_RE = new RegExp(`^${CONFIG_KEY_FMT}$`);
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

/** validation.IsConfigMapKey: a file name that cannot climb out of its directory. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_KEY_RE.test(key))
    errs.push(regexError(CONFIG_KEY_MSG, CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Bytes behind a []byte value (base64 in the object). */
function decodedLength(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const r = decodeStd(v);
  return r.ok ? r.bytes.length : 0;
}

const mapOf = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

export function validateConfigMap(o: Record<string, any>, old?: Record<string, any>): ErrorList {
  const errs: ErrorList = [];
  if (old?.immutable === true) {
    if (o.immutable !== true) errs.push(forbidden(Path.root('immutable'), IMMUTABLE_SET));
    if (!sameMap(o.data, old.data)) errs.push(forbidden(Path.root('data'), IMMUTABLE_SET));
    if (!sameMap(o.binaryData, old.binaryData)) errs.push(forbidden(Path.root('binaryData'), IMMUTABLE_SET));
  }
  errs.push(...validateObjectMeta(o.metadata, true, 'subdomain', Path.root('metadata')));
  const data = mapOf(o.data);
  const binary = mapOf(o.binaryData);
  let total = 0;
  for (const key of sortedKeys(data)) {
    const path = Path.root('data').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(path, key, m));
    if (key in binary) errs.push(invalid(path, key, 'duplicate of key present in binaryData'));
    total += byteLength(typeof data[key] === 'string' ? (data[key] as string) : '');
  }
  for (const key of sortedKeys(binary)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(Path.root('binaryData').key(key), key, m));
    total += decodedLength(binary[key]);
  }
  // Upstream names the whole object with NewPath(""), which Go prints as "[]".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(Path.root().key(''), MAX_SECRET_SIZE));
  return errs;
}

export function validateSecret(o: Record<string, any>, old?: Record<string, any>): ErrorList {
  const errs: ErrorList = [];
  if (old) {
    if (o.type !== old.type) errs.push(invalid(Path.root('type'), o.type, 'field is immutable'));
    if (old.immutable === true) {
      if (o.immutable !== true) errs.push(forbidden(Path.root('immutable'), IMMUTABLE_SET));
      // stringData needs no check: it is already part of data by now.
      if (!sameMap(o.data, old.data)) errs.push(forbidden(Path.root('data'), IMMUTABLE_SET));
    }
  }
  errs.push(...validateObjectMeta(o.metadata, true, 'subdomain', Path.root('metadata')));
  const dataPath = Path.root('data');
  const data = mapOf(o.data);
  let total = 0;
  for (const key of sortedKeys(data)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    total += decodedLength(data[key]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));
  errs.push(...validateSecretType(o, data, dataPath));
  return errs;
}

/** The keys each built-in type needs (the switch on secret.Type). */
function validateSecretType(o: Record<string, any>, data: Record<string, unknown>, dataPath: Path): ErrorList {
  const errs: ErrorList = [];
  const has = (k: string) => k in data;
  switch (o.type) {
    case SecretType.ServiceAccountToken:
      if (!o.metadata?.annotations?.[SecretKey.ServiceAccountName])
        errs.push(required(Path.root('metadata').child('annotations').key(SecretKey.ServiceAccountName), ''));
      break;
    case SecretType.Dockercfg:
    case SecretType.DockerConfigJson: {
      const key = o.type === SecretType.Dockercfg ? SecretKey.DockerConfig : SecretKey.DockerConfigJson;
      if (!has(key)) errs.push(required(dataPath.key(key), ''));
      else {
        const problem = jsonObjectError(data[key]);
        if (problem) errs.push(invalid(dataPath.key(key), '<secret contents redacted>', problem));
      }
      break;
    }
    case SecretType.BasicAuth:
      // Upstream builds these paths as NewPath("data[%s]").Key(...), so they print that way.
      if (!has(SecretKey.BasicAuthUsername) && !has(SecretKey.BasicAuthPassword)) {
        errs.push(required(Path.root('data[%s]').key(SecretKey.BasicAuthUsername), ''));
        errs.push(required(Path.root('data[%s]').key(SecretKey.BasicAuthPassword), ''));
      }
      break;
    case SecretType.SSHAuth:
      if (decodedLength(data[SecretKey.SSHAuthPrivateKey]) === 0)
        errs.push(required(Path.root('data[%s]').key(SecretKey.SSHAuthPrivateKey), ''));
      break;
    case SecretType.TLS:
      if (!has(SecretKey.TLSCert)) errs.push(required(dataPath.key(SecretKey.TLSCert), ''));
      if (!has(SecretKey.TLSPrivateKey)) errs.push(required(dataPath.key(SecretKey.TLSPrivateKey), ''));
      break;
  }
  return errs;
}

/**
 * json.Unmarshal into a map[string]interface{}: the value must be a JSON object. Go's
 * messages for the common cases; any other syntax error reads as Go's end-of-input one.
 */
function jsonObjectError(b64: unknown): string | undefined {
  const r = typeof b64 === 'string' ? decodeStd(b64) : undefined;
  const text = r?.ok ? utf8Decode(r.bytes) : '';
  const first = text.trimStart()[0];
  if (first === undefined) return 'unexpected end of JSON input';
  if (!/[{["\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'unexpected end of JSON input';
  }
  if (isRecord(v) || v === null) return undefined;
  const what = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
  return `json: cannot unmarshal ${what} into Go value of type map[string]interface {}`;
}

/** reflect.DeepEqual of the maps as they travel (an absent map and an empty one both vanish). */
function sameMap(a: unknown, b: unknown): boolean {
  const x = mapOf(a);
  const y = mapOf(b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => k in y && x[k] === y[k]);
}
