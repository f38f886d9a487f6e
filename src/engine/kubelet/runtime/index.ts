/**
 * The simulated container runtime as the kubelet's CRI sees it (see ../cri.ts), plus the
 * registry look-ups that containerd does beside it.
 */
export { lookupImage, pullErrorMessage } from '../../images/catalog';
export { normalizeImageRef } from '../../images/reference';
export { containerEnv, resolveArgv, runtime } from './runtime';
