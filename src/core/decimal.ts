import DecimalJs from "decimal.js";

/**
 * Money and scores are decimal quantities: decimal.js (the type mathjs's BigNumber is made of) at 34 significant
 * digits. mathjs itself is loaded only to parse rule-set formulas (rules/parser.ts).
 */
const DecimalClass = DecimalJs.clone({ precision: 34 });

export type Dec = InstanceType<typeof DecimalClass>;

/** decimal.js's ROUND_HALF_UP. */
const HALF_UP = 4;

/** The decimal class. */
export const Decimal: { new (x: number | string | Dec): Dec; min(...xs: Dec[]): Dec; max(...xs: Dec[]): Dec } = DecimalClass;

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

/** A rounded decimal as a plain number, or null for a figure that is unknown. */
export function orNull(x: Dec | null): number | null {
  return x === null ? null : toNumber2(x);
}

export function sum(xs: (Dec | number)[]): Dec {
  return xs.reduce<Dec>((acc, x) => acc.plus(dec(x)) as Dec, dec(0));
}
