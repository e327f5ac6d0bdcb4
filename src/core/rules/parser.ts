import { bignumberDependencies, create, parseDependencies } from "mathjs";

/**
 * The only mathjs in the product: its parser, configured for decimal constants, loaded by expression.ts when a rule
 * set's formulas are first compiled (loadFormulaParser), never before. No evaluate, import, createUnit, matrices or
 * units reach a bundle or a formula: expression.ts compiles the checked tree to decimal arithmetic itself.
 */
export const parse = create({ parseDependencies, bignumberDependencies }, { number: "BigNumber", precision: 34 }).parse;
