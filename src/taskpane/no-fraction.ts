/**
 * Stands in for fraction.js in the task pane's bundle (webpack alias). fraction.js 5, mathjs's fraction type, calls
 * BigInt when it loads, which the webviews of Office 2016/2019 do not have and no polyfill can give. Our formulas
 * compute in decimals only (mathjs is configured with number: "BigNumber"), so fractions are never computed with;
 * mathjs only makes a few as constants (the 5/9 of its °F unit, which the parser's unit lookup defines). This class
 * holds such a constant as plain numbers, and nothing more.
 */
export default class Fraction {
  readonly s: number;
  readonly n: number;
  readonly d: number;

  constructor(a: number | string = 0, b: number | string = 1) {
    const n = Number(a);
    const d = Number(b);
    this.s = n < 0 !== d < 0 ? -1 : 1;
    this.n = Math.abs(n);
    this.d = Math.abs(d);
  }

  valueOf(): number {
    return (this.s * this.n) / this.d;
  }

  toString(): string {
    return String(this.valueOf());
  }
}
