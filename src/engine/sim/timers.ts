/**
 * The timer queue. A timer is data (when, which controller, which key), never a
 * closure, so the queue survives a snapshot. Ties fire in the order they were set.
 */

export interface Timer {
  at: number;
  seq: number;
  /** the controller whose queue receives the key */
  target: string;
  key: string;
}

export class TimerQueue {
  private heap: Timer[] = [];
  private seq = 0;

  add(at: number, target: string, key: string): void {
    const t: Timer = { at, seq: this.seq++, target, key };
    this.heap.push(t);
    this.up(this.heap.length - 1);
  }

  peek(): Timer | undefined {
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  get size(): number {
    return this.heap.length;
  }

  toJSON(): { seq: number; timers: Timer[] } {
    const timers = [...this.heap].sort(compare);
    return { seq: this.seq, timers };
  }

  static fromJSON(data: { seq: number; timers: Timer[] }): TimerQueue {
    const q = new TimerQueue();
    for (const t of data.timers) {
      q.heap.push({ ...t });
      q.up(q.heap.length - 1);
    }
    q.seq = data.seq;
    return q;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(h[i], h[p]) >= 0) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && compare(h[l], h[m]) < 0) m = l;
      if (r < h.length && compare(h[r], h[m]) < 0) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq;
}
