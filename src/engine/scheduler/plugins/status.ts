/**
 * A filter plugin's verdict on one node, like framework.Status: the code decides
 * whether preemption could help (Unschedulable) or not (UnschedulableAndUnresolvable);
 * the reasons feed the FitError histogram.
 */
export type RejectCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  plugin: string;
  code: RejectCode;
  reasons: string[];
}
