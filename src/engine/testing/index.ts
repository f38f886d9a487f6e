/** Test support for the engine: the TestCluster harness and object builders. See README.md. */
export { type NodeOptions, node, ownerRef, type PodOptions, pod } from './builders';
export { duration, restoreTestCluster, TestCluster, type TestClusterOptions, testCluster } from './test-cluster';
