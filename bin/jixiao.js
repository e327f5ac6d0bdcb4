#!/usr/bin/env node
// The jixiao command line. It runs the TypeScript sources directly through tsx, so a fresh clone needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/run.ts");
