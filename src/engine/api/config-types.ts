/**
 * core/v1 ConfigMap and Secret, shaped like the API's JSON. Secret.data and
 * ConfigMap.binaryData are Go []byte, so they hold base64 text here as on the wire.
 */
import type { KubeObject } from './types';

export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap';
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

export interface Secret extends KubeObject {
  kind: 'Secret';
  /** base64 of each value */
  data?: Record<string, string>;
  /** write-only: merged into data (base64-encoded) by the API server and never stored */
  stringData?: Record<string, string>;
  type?: string;
  immutable?: boolean;
}

/** core.MaxSecretSize: the limit on a Secret's or a ConfigMap's data, in bytes. */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** The Secret types of core/v1 types.go and the keys their validation requires. */
export const SecretType = {
  Opaque: 'Opaque',
  ServiceAccountToken: 'kubernetes.io/service-account-token',
  Dockercfg: 'kubernetes.io/dockercfg',
  DockerConfigJson: 'kubernetes.io/dockerconfigjson',
  BasicAuth: 'kubernetes.io/basic-auth',
  SSHAuth: 'kubernetes.io/ssh-auth',
  TLS: 'kubernetes.io/tls',
  BootstrapToken: 'bootstrap.kubernetes.io/token',
} as const;

export const SecretKey = {
  ServiceAccountName: 'kubernetes.io/service-account.name',
  DockerConfig: '.dockercfg',
  DockerConfigJson: '.dockerconfigjson',
  BasicAuthUsername: 'username',
  BasicAuthPassword: 'password',
  SSHAuthPrivateKey: 'ssh-privatekey',
  TLSCert: 'tls.crt',
  TLSPrivateKey: 'tls.key',
} as const;
