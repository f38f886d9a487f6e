/**
 * The Go types of core/v1 Service and Endpoints and discovery/v1 EndpointSlice, for the
 * API server's strict decoding (`strict decoding error: unknown field "spec.port"`).
 */
import { goTypes, registerSchema, topLevel } from '../schema';

const { bool, i32, str, strings, stringMap, list, struct, open, intOrString } = goTypes;

const servicePort = struct('v1.ServicePort', () => ({
  name: str,
  protocol: str,
  appProtocol: str,
  port: i32,
  targetPort: intOrString,
  nodePort: i32,
}));

registerSchema(
  'Service',
  topLevel('v1.Service', () => ({
    spec: struct('v1.ServiceSpec', () => ({
      ports: list(servicePort),
      selector: stringMap,
      clusterIP: str,
      clusterIPs: strings,
      type: str,
      externalIPs: strings,
      sessionAffinity: str,
      loadBalancerIP: str,
      loadBalancerSourceRanges: strings,
      externalName: str,
      externalTrafficPolicy: str,
      healthCheckNodePort: i32,
      publishNotReadyAddresses: bool,
      sessionAffinityConfig: open('v1.SessionAffinityConfig'),
      ipFamilies: strings,
      ipFamilyPolicy: str,
      allocateLoadBalancerNodePorts: bool,
      loadBalancerClass: str,
      internalTrafficPolicy: str,
      trafficDistribution: str,
    })),
    status: open('v1.ServiceStatus'),
  })),
);

const objectReference = open('v1.ObjectReference', () => ({
  kind: str,
  namespace: str,
  name: str,
  uid: str,
  apiVersion: str,
  resourceVersion: str,
  fieldPath: str,
}));

const endpointAddress = struct('v1.EndpointAddress', () => ({
  ip: str,
  hostname: str,
  nodeName: str,
  targetRef: objectReference,
}));

registerSchema(
  'Endpoints',
  topLevel('v1.Endpoints', () => ({
    subsets: list(
      struct('v1.EndpointSubset', () => ({
        addresses: list(endpointAddress),
        notReadyAddresses: list(endpointAddress),
        ports: list(struct('v1.EndpointPort', () => ({ name: str, port: i32, protocol: str, appProtocol: str }))),
      })),
    ),
  })),
);

registerSchema(
  'EndpointSlice',
  topLevel('v1.EndpointSlice', () => ({
    addressType: str,
    endpoints: list(
      struct('v1.Endpoint', () => ({
        addresses: strings,
        conditions: struct('v1.EndpointConditions', () => ({ ready: bool, serving: bool, terminating: bool })),
        hostname: str,
        targetRef: objectReference,
        deprecatedTopology: stringMap,
        nodeName: str,
        zone: str,
        hints: open('v1.EndpointHints'),
      })),
    ),
    ports: list(struct('discovery.v1.EndpointPort', () => ({ name: str, protocol: str, port: i32, appProtocol: str }))),
  })),
);
