#!/usr/bin/env node
// Thin launcher: the CLI runs compiled from dist/ (shipped in the package; in a clone, built by
// `npm install` through `prepare`, or by `npm run build`).
import { main } from '../dist/generator/cli/main.js';

process.exitCode = await main(process.argv);
