/**
 * One string object for each text that recurs. A province's export repeats 产出指标, 第3部门 or 缺少“实施单位”。 in
 * every project, each read or written as a string of its own; kept by the hundred thousand, they are most of what
 * a big run holds. Bounded: past its size the pool keeps what it has and lets new texts through unshared.
 */
export class Interner {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly longest: number,
    private readonly size: number,
  ) {}

  intern(s: string): string {
    if (s.length > this.longest) return s;
    const had = this.seen.get(s);
    if (had !== undefined) return had;
    if (this.seen.size < this.size) this.seen.set(s, s);
    return s;
  }
}
