/**
 * A factor's last readings for the constant-value rule, in a ring of fixed size: tens of thousands of readings a
 * second would otherwise each leave an object that lives a few seconds, the costliest kind for the garbage collector.
 */
export class RecentReadings {
  private times: Float64Array;
  private values: Float64Array;
  private flags: string[];
  private head = 0;
  private count = 0;

  /** Empty until the first reading, which sizes it to the rule's run length. */
  constructor(private capacity = 0) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.flags = new Array<string>(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Adds a reading, dropping the oldest when full; a changed capacity (a new rule version) keeps the latest ones. */
  push(capacity: number, t: number, value: number, flag: string): void {
    if (capacity !== this.capacity) this.resize(capacity);
    const i = (this.head + this.count) % this.capacity;
    this.times[i] = t;
    this.values[i] = value;
    this.flags[i] = flag;
    if (this.count < this.capacity) this.count += 1;
    else this.head = (this.head + 1) % this.capacity;
  }

  /** max − min of the values held */
  spread(): number {
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < this.count; k++) {
      const v = this.values[(this.head + k) % this.capacity];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return max - min;
  }

  /** the newest `n`, oldest first */
  latest(n: number): Array<{ t: number; value: number; flag: string }> {
    const out = [];
    for (let k = Math.max(0, this.count - n); k < this.count; k++) {
      const i = (this.head + k) % this.capacity;
      out.push({ t: this.times[i], value: this.values[i], flag: this.flags[i] });
    }
    return out;
  }

  private resize(capacity: number): void {
    const kept = this.latest(capacity);
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.flags = new Array<string>(capacity);
    this.head = 0;
    this.count = 0;
    for (const r of kept) this.push(capacity, r.t, r.value, r.flag);
  }
}
