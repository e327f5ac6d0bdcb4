import {
  absDependencies,
  addDependencies,
  andDependencies,
  bignumberDependencies,
  compileDependencies,
  create,
  divideDependencies,
  equalDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  notDependencies,
  orDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unequalDependencies,
  type BigNumber,
} from "mathjs";

/**
 * Money and scores are decimal quantities. This mathjs instance works in BigNumber (decimal) and holds only the
 * functions rule-set formulas may use: no import, createUnit, evaluate, matrices or ranges. `parse` comes along
 * with `compile`, so formulas are also checked node by node before they are compiled (see rules/expression.ts).
 */
export const math = create(
  {
    compileDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    unaryMinusDependencies,
    minDependencies,
    maxDependencies,
    absDependencies,
    largerDependencies,
    largerEqDependencies,
    smallerDependencies,
    smallerEqDependencies,
    equalDependencies,
    unequalDependencies,
    andDependencies,
    orDependencies,
    notDependencies,
    bignumberDependencies,
  },
  { number: "BigNumber", precision: 34 },
);

export type Dec = BigNumber;

/** decimal.js's ROUND_HALF_UP. */
const HALF_UP = 4;

/** The instance's decimal class; constructing it directly skips mathjs's typed-function dispatch. */
const Decimal = (math as unknown as { BigNumber: new (x: number | string | Dec) => Dec }).BigNumber;

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
