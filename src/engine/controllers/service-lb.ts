/**
 * The service controller of the cloud-controller-manager (k8s.io/cloud-provider
 * controllers/service), standing in for a cloud: a LoadBalancer Service gets an address
 * in `status.loadBalancer.ingress` a few seconds after it appears, from the documentation
 * range 203.0.113.0/24 (TEST-NET-3), so `kubectl get svc` shows it under EXTERNAL-IP
 * instead of <pending>. The events are the controller's own: EnsuringLoadBalancer when it
 * starts, EnsuredLoadBalancer when the address is there; DeletingLoadBalancer and
 * DeletedLoadBalancer when the Service stops being a LoadBalancer.
 *
 * Left out: the load-balancer-cleanup finalizer (deleting a Service frees its address
 * at once here) and node sync (the simulated load balancer asks kube-proxy's rules
 * which nodes may take traffic when a connection arrives). A Service with
 * spec.loadBalancerClass belongs to another implementation and is left alone, as
 * upstream does.
 */
import type { Service } from '../api/network-types';
import type { ControllerContext } from './context';
import type { Controller } from './manager';

export const SERVICE_LB_CONTROLLER = 'service-lb-controller';
const SOURCE = { component: 'service-controller' };

/** How long the simulated cloud takes to provision a load balancer. */
export const LB_PROVISION_MS = 3000;
/** The pool: 203.0.113.1 – 203.0.113.254. */
const POOL_PREFIX = '203.0.113.';

interface LbState {
  /** ns/name → sim ms when the load balancer being provisioned is ready */
  pending: Record<string, number>;
}

const init = (): LbState => ({ pending: {} });

export function createServiceLbController(): Controller {
  return {
    name: SERVICE_LB_CONTROLLER,
    onEvent(ev, enqueue) {
      if (ev.object.kind !== 'Service') return;
      enqueue(`${ev.object.metadata.namespace ?? 'default'}/${ev.object.metadata.name}`);
    },
    reconcile(key, ctx) {
      const slash = key.indexOf('/');
      sync(ctx, key, ctx.store.get('Service', key.slice(0, slash), key.slice(slash + 1)) as Service | undefined);
    },
  };
}

function wantsLoadBalancer(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && !(svc.spec as { loadBalancerClass?: string }).loadBalancerClass;
}

function ingressOf(svc: Service): { ip?: string }[] {
  return svc.status?.loadBalancer?.ingress ?? [];
}

function sync(ctx: ControllerContext, key: string, svc: Service | undefined): void {
  const st = ctx.state(init);
  if (!svc || svc.metadata.deletionTimestamp) {
    delete st.pending[key];
    return;
  }
  if (!wantsLoadBalancer(svc)) {
    delete st.pending[key];
    if (ingressOf(svc).length === 0 || (svc.spec as { loadBalancerClass?: string }).loadBalancerClass) return;
    ctx.events.normal(SOURCE, svc, 'DeletingLoadBalancer', 'Deleting load balancer');
    ctx.api.updateStatus({ ...svc, status: { ...svc.status, loadBalancer: {} } } as Service);
    ctx.events.normal(SOURCE, svc, 'DeletedLoadBalancer', 'Deleted load balancer');
    return;
  }
  if (ingressOf(svc).length > 0) return;
  const now = ctx.clock.now();
  const due = st.pending[key];
  if (due === undefined) {
    ctx.events.normal(SOURCE, svc, 'EnsuringLoadBalancer', 'Ensuring load balancer');
    st.pending[key] = now + LB_PROVISION_MS;
    ctx.after(LB_PROVISION_MS, key);
    return;
  }
  if (due > now) return;
  const ip = allocate(ctx, svc);
  if (!ip) {
    ctx.events.warning(
      SOURCE,
      svc,
      'SyncLoadBalancerFailed',
      'Error syncing load balancer: failed to ensure load balancer: no addresses left in 203.0.113.0/24',
    );
    st.pending[key] = now + LB_PROVISION_MS;
    ctx.after(LB_PROVISION_MS, key);
    return;
  }
  delete st.pending[key];
  ctx.api.updateStatus({
    ...svc,
    status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } },
  } as Service);
  ctx.events.normal(SOURCE, svc, 'EnsuredLoadBalancer', 'Ensured load balancer');
}

/** spec.loadBalancerIP when it is in the pool and free, else the lowest free address; read from the store. */
function allocate(ctx: ControllerContext, svc: Service): string | undefined {
  const used = new Set<string>();
  for (const s of ctx.store.list('Service') as Service[]) for (const i of ingressOf(s)) if (i.ip) used.add(i.ip);
  const asked = svc.spec.loadBalancerIP;
  if (asked?.startsWith(POOL_PREFIX) && !used.has(asked)) return asked;
  for (let n = 1; n <= 254; n++) if (!used.has(`${POOL_PREFIX}${n}`)) return `${POOL_PREFIX}${n}`;
  return undefined;
}
