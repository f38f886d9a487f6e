/**
 * Service validation: ValidateService and ValidateServiceUpdate
 * (pkg/apis/core/validation/validation.go). Allocation errors (an IP or nodePort that
 * is taken or out of range) come later, from the allocator, as on the API server.
 */
import '../schema/service';
import { duplicate, type ErrorList, forbidden, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, validateLabels } from './names';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function isIPv4(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((o) => Number(o) <= 255 && (o === '0' || !o.startsWith('0')));
}

export function isHeadless(spec: Record<string, any>): boolean {
  return spec.clusterIP === 'None';
}

export function validateService(o: Record<string, any>, old?: Record<string, any>): ErrorList {
  const errs = validateObjectMeta(o.metadata, true, 'dns1035', Path.root('metadata'));
  const specPath = Path.root('spec');
  const spec: Record<string, any> = isRecord(o.spec) ? o.spec : {};
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const type = spec.type;

  errs.push(...validateClusterIPs(spec, specPath));
  if (type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbidden(specPath.child('clusterIPs'), 'may not be set for ExternalName services'));
    // The name may end with a dot to mark it fully qualified.
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(invalid(specPath.child('externalName'), cname, m));
    else errs.push(required(specPath.child('externalName'), ''));
  }

  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') {
    errs.push(required(specPath.child('ports'), ''));
  }
  const names = new Set<string>();
  for (const [i, p] of ports.entries()) {
    errs.push(...validateServicePort(isRecord(p) ? p : {}, ports.length > 1, names, specPath.child('ports').index(i)));
  }

  if (!type) errs.push(required(specPath.child('type'), ''));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported(specPath.child('type'), type, SERVICE_TYPES));
  if (type === 'ClusterIP') {
    for (const [i, p] of ports.entries()) {
      if (isRecord(p) && p.nodePort) {
        errs.push(
          forbidden(specPath.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"),
        );
      }
    }
  }
  if ((type === 'NodePort' || type === 'LoadBalancer') && isHeadless(spec)) {
    errs.push(invalid(specPath.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${type} services`));
  }
  errs.push(...validateDuplicatePorts(ports, specPath.child('ports')));

  if (spec.sessionAffinity !== undefined && !['ClientIP', 'None'].includes(spec.sessionAffinity)) {
    errs.push(notSupported(specPath.child('sessionAffinity'), spec.sessionAffinity, ['ClientIP', 'None']));
  }
  if (isRecord(spec.selector)) errs.push(...validateLabels(spec.selector, specPath.child('selector')));
  errs.push(...validateTrafficPolicies(spec, specPath));
  if (old && isRecord(old.spec)) errs.push(...validateClusterIPsUpdate(spec, old.spec, specPath));
  return errs;
}

function validateClusterIPs(spec: Record<string, any>, specPath: Path): ErrorList {
  const errs: ErrorList = [];
  const ips: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (ips.length > 0 && spec.clusterIP !== ips[0]) {
    errs.push(invalid(specPath.child('clusterIPs').index(0), ips, 'must match `clusterIP`'));
  }
  for (const [i, ip] of ips.entries()) {
    if (ip === 'None') {
      if (i > 0)
        errs.push(invalid(specPath.child('clusterIPs').index(i), ip, "'None' must be the first and only value"));
      continue;
    }
    if (!isIPv4(ip)) errs.push(invalid(specPath.child('clusterIPs').index(i), ip, IP_MESSAGE));
  }
  return errs;
}

function validateServicePort(p: Record<string, any>, requireName: boolean, names: Set<string>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const name = typeof p.name === 'string' ? p.name : '';
  if (requireName && name === '') errs.push(required(path.child('name'), ''));
  else if (name !== '') {
    for (const m of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, m));
    if (names.has(name)) errs.push(duplicate(path.child('name'), name));
    names.add(name);
  }
  for (const m of isValidPortNum(Number(p.port ?? 0))) errs.push(invalid(path.child('port'), p.port ?? 0, m));
  if (!p.protocol) errs.push(required(path.child('protocol'), ''));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(path.child('protocol'), p.protocol, PROTOCOLS));
  // ValidatePortNumOrName
  const target = p.targetPort;
  if (typeof target === 'number') {
    for (const m of isValidPortNum(target)) errs.push(invalid(path.child('targetPort'), target, m));
  } else if (typeof target === 'string') {
    for (const m of isValidPortName(target)) errs.push(invalid(path.child('targetPort'), target, m));
  }
  return errs;
}

/** (protocol, port) pairs and (protocol, nodePort) pairs are each unique. */
function validateDuplicatePorts(ports: any[], path: Path): ErrorList {
  const errs: ErrorList = [];
  const seen = new Set<string>();
  const seenNode = new Set<string>();
  for (const [i, p] of ports.entries()) {
    if (!isRecord(p)) continue;
    const key = `${p.protocol}/${p.port}`;
    if (seen.has(key)) errs.push(duplicate(path.index(i), { protocol: p.protocol, port: p.port }));
    seen.add(key);
    if (!p.nodePort) continue;
    const nodeKey = `${p.protocol}/${p.nodePort}`;
    if (seenNode.has(nodeKey)) errs.push(duplicate(path.index(i).child('nodePort'), p.nodePort));
    seenNode.add(nodeKey);
  }
  return errs;
}

function validateTrafficPolicies(spec: Record<string, any>, specPath: Path): ErrorList {
  const errs: ErrorList = [];
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (spec.externalTrafficPolicy !== undefined && spec.externalTrafficPolicy !== '') {
    if (!external && !(spec.externalIPs?.length > 0)) {
      errs.push(
        invalid(
          specPath.child('externalTrafficPolicy'),
          spec.externalTrafficPolicy,
          'may only be set for externally-accessible services',
        ),
      );
    } else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
      errs.push(
        notSupported(specPath.child('externalTrafficPolicy'), spec.externalTrafficPolicy, ['Cluster', 'Local']),
      );
    }
  }
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported(specPath.child('internalTrafficPolicy'), spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  return errs;
}

/**
 * validateUpgradeDowngradeClusterIPs: an allocated clusterIP never changes, except
 * when the Service turns into or out of an ExternalName one.
 */
function validateClusterIPsUpdate(spec: Record<string, any>, old: Record<string, any>, specPath: Path): ErrorList {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  const oldIPs: string[] = Array.isArray(old.clusterIPs) ? old.clusterIPs : [];
  const newIPs: string[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (oldIPs[0] === 'None' && newIPs[0] === 'None') return [];
  if (oldIPs.length > 0 && newIPs.length === 0) {
    return [invalid(specPath.child('clusterIPs').index(0), newIPs, 'primary clusterIP can not be unset')];
  }
  const errs: ErrorList = [];
  for (const [i, ip] of oldIPs.entries()) {
    if (i < newIPs.length && newIPs[i] !== ip) {
      errs.push(invalid(specPath.child('clusterIPs').index(i), newIPs, 'may not change once set'));
    }
  }
  return errs;
}
