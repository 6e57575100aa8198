#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `prepare` on install).
import { main } from '../dist/generator/cli/main.js';

process.exitCode = await main(process.argv);
