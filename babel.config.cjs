// Babel lowers the task pane's bundle to ES5 for the webviews of Office 2016/2019 (Internet Explorer 11, EdgeHTML 18),
// by the browserslist in package.json, adding core-js polyfills for what the code uses.

/**
 * mathjs's bigint signatures (abs of a bigint, and the like) hold BigInt literals such as `0n`, which no ES5 engine
 * can parse and no polyfill can supply. Our code never passes a bigint, so those branches never run: written as
 * calls (`BigInt("0")`) they parse everywhere and cost nothing unless reached.
 */
function bigintLiteralsAsCalls({ types: t }) {
  return {
    name: "bigint-literals-as-calls",
    visitor: {
      BigIntLiteral(path) {
        path.replaceWith(t.callExpression(t.identifier("BigInt"), [t.stringLiteral(path.node.value)]));
      },
    },
  };
}

module.exports = {
  sourceType: "unambiguous",
  presets: [["@babel/preset-env", { useBuiltIns: "usage", corejs: "3.51", bugfixes: true }]],
  plugins: [bigintLiteralsAsCalls],
};
