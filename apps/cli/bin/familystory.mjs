#!/usr/bin/env node
// Runs the TypeScript command line through tsx's loader in this same process (no second Node
// start-up), wherever it is started from.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
