// The manifest's FunctionFile: Excel loads it for ribbon commands. The ribbon button only opens the task pane,
// so it just has to initialise Office.js.
Office.onReady(() => undefined);
