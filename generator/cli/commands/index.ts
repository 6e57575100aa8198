/** Every subcommand of the CLI, in the order `--help` lists them. Add one line per command. */
import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as diff } from './diff.js';
import { register as generate } from './generate.js';
import { register as importDocs } from './import.js';
import { register as notify } from './notify.js';
import { register as config } from './config.js';
import { register as init } from './init.js';
import { register as openapi } from './openapi.js';
import { register as serve } from './serve.js';
import { register as validate } from './validate.js';
import { register as version } from './version.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [importDocs, validate, generate, check, diff, openapi, serve, notify];
// Project setup and releases; `config` last: it adds --config to the commands above (they must exist).
commands.push(init, version, config);
