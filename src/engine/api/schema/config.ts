/**
 * The Go types of core/v1 ConfigMap and Secret, for the API server's strict decoding.
 * `[]byte` values must be base64: `Secret in version "v1" cannot be handled as a
 * Secret: illegal base64 data at input byte 4`.
 */
import type { GoType } from '../decode';
import { goTypes, registerSchema, topLevel } from '../schema';

const { bool, str, stringMap } = goTypes;
const bytesMap: GoType = { t: 'map', of: { t: 'bytes' }, go: 'map[string][]uint8' };

registerSchema(
  'ConfigMap',
  topLevel('v1.ConfigMap', () => ({ data: stringMap, binaryData: bytesMap, immutable: bool })),
);

registerSchema(
  'Secret',
  topLevel('v1.Secret', () => ({ data: bytesMap, stringData: stringMap, type: str, immutable: bool })),
);
