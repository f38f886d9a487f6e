/** printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. */
import type { KubeEvent } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

export const eventPrinter: Printer = {
  headers: (wide) =>
    wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']
      : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  row(obj, ctx) {
    const e = obj as KubeEvent;
    const first = since(e.firstTimestamp, ctx.now);
    let last = e.lastTimestamp ? since(e.lastTimestamp, ctx.now) : first;
    if ((e.count ?? 1) > 1) last = `${last} (x${e.count} over ${first})`;
    const io = e.involvedObject ?? { kind: '', name: '' };
    const target = io.name ? `${String(io.kind).toLowerCase()}/${io.name}` : String(io.kind).toLowerCase();
    const message = String(e.message ?? '').trim();
    if (!ctx.wide) return [last, e.type, e.reason, target, message];
    const source = [e.source?.component, e.source?.host].filter(Boolean).join(', ');
    return [
      last,
      e.type,
      e.reason,
      target,
      io.fieldPath ?? '',
      source,
      message,
      first,
      String(e.count ?? 1),
      e.metadata.name,
    ];
  },
};
