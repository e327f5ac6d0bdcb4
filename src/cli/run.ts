import { argumentsAsTyped } from "../hosts/file-names";
import { main } from "./main";

// A reader that stops early (jixiao check … | head) closes the pipe: that ends the output, it is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(argumentsAsTyped(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 3;
  },
);
