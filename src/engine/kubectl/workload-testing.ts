/** Manifests for the workload verbs' tests: one container named `app`, images the catalog knows. */

export function deploymentYaml(name: string, image = 'nginx:1.25', replicas = 3, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
${extra}  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: "${image}"}]
`;
}

export function daemonSetYaml(name: string, image = 'nginx:1.25', extra = ''): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
${extra}  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: "${image}"}]
`;
}

export function statefulSetYaml(name: string, image = 'nginx:1.25', replicas = 2, extra = ''): string {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: ${name}}
spec:
  serviceName: ${name}
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
${extra}  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: "${image}"}]
`;
}

export function replicaSetYaml(name: string, image = 'nginx:1.25', replicas = 2): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: "${image}"}]
`;
}
