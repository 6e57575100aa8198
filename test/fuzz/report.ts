/**
 * What one fuzz family found: cases tried, failures counted by class, the first few examples of
 * each class (short, so a report stays readable), and the wall time.
 */
export class FamilyReport {
  tried = 0;
  readonly failures = new Map<string, number>();
  readonly examples = new Map<string, string[]>();
  /** Facts that are not verdicts (e.g. how many mutated pages the importer rejected cleanly). */
  readonly notes = new Map<string, number>();
  private readonly started = performance.now();
  ms = 0;
  /** The minimum count of cases issue 14 asks of this family (full scale only). */
  required: number | undefined;

  constructor(readonly name: string) {}

  /** True when the time bound stopped the family before its required count. */
  short(): boolean {
    return this.required !== undefined && this.tried < this.required;
  }

  /** One case tried; `failure` names its failure class, or is undefined when it passed. */
  record(failure: string | undefined, example?: string): void {
    this.tried++;
    if (failure !== undefined) this.fail(failure, example);
  }

  /** A failure found outside a counted case (e.g. the family's own setup). */
  fail(failure: string, example?: string): void {
    this.failures.set(failure, (this.failures.get(failure) ?? 0) + 1);
    const list = this.examples.get(failure) ?? [];
    if (example !== undefined && list.length < 3) list.push(oneLine(example));
    this.examples.set(failure, list);
  }

  note(what: string, n = 1): void {
    this.notes.set(what, (this.notes.get(what) ?? 0) + n);
  }

  failureCount(): number {
    let n = 0;
    for (const v of this.failures.values()) n += v;
    return n;
  }

  finish(): this {
    this.ms = performance.now() - this.started;
    return this;
  }

  format(): string {
    const count = this.short() ? ` (SHORT of the ${this.required} required: time bound reached)` : '';
    const lines = [`${this.name}: ${this.tried} case(s) tried${count}, ${this.failureCount()} failure(s), ${(this.ms / 1000).toFixed(1)} s`];
    for (const [cls, n] of [...this.failures].sort((a, b) => b[1] - a[1])) {
      lines.push(`  FAIL ${cls}: ${n}`);
      for (const ex of this.examples.get(cls) ?? []) lines.push(`    e.g. ${ex}`);
    }
    for (const [what, n] of [...this.notes].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  note ${what}: ${n}`);
    return lines.join('\n');
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}...` : flat;
}
