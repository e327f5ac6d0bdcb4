import { bignumberDependencies, create, parseDependencies, type BigNumber } from "mathjs";

/**
 * Money and scores are decimal quantities. This mathjs instance holds only the parser (for rule-set formulas,
 * which rules/expression.ts checks and compiles to decimal arithmetic itself) and the decimal number type: no
 * evaluate, import, createUnit, matrices or units reach the bundle or a formula.
 */
export const math = create({ parseDependencies, bignumberDependencies }, { number: "BigNumber", precision: 34 });

export type Dec = BigNumber;

/** decimal.js's ROUND_HALF_UP. */
const HALF_UP = 4;

/** The instance's decimal class; constructing it directly skips mathjs's typed-function dispatch. */
export const Decimal = (math as unknown as {
  BigNumber: { new (x: number | string | Dec): Dec; min(...xs: Dec[]): Dec; max(...xs: Dec[]): Dec };
}).BigNumber;

export function dec(x: number | string | Dec): Dec {
  return typeof x === "object" ? x : new Decimal(x);
}

/** Rounds half up to 2 decimals (the documented rounding point for scores). */
export function round2(x: Dec | number): Dec {
  return dec(x).toDecimalPlaces(2, HALF_UP) as unknown as Dec;
}

/** A decimal that has been rounded, as a plain number for JSON and cells. */
export function toNumber2(x: Dec | number): number {
  return Number(round2(x).toFixed(2));
}

export function sum(xs: (Dec | number)[]): Dec {
  return xs.reduce<Dec>((acc, x) => acc.plus(dec(x)) as Dec, dec(0));
}
