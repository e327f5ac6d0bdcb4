// Every test may compile rule-set formulas, as every host does after loading the parser (see loadFormulaParser).
import { loadFormulaParser } from "../src/core/rules/expression";

await loadFormulaParser();
