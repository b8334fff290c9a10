/** Interns strings to small integers (index into `values`). */
export class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    for (const v of initial) this.id(v);
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }

  value(id: number): string {
    const v = this.values[id];
    if (v === undefined) throw new RangeError(`no interned value ${id}`);
    return v;
  }
}
