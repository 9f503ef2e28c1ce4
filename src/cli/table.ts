/**
 * The command table: every `smp-protocol` command by name, in the order `--help` lists them.
 * A new command is one module under `commands/` and one line here.
 * @internal
 * @module
 */
import type { Command } from './command.js';
import { conformance } from './commands/conformance.js';
import { demo } from './commands/demo.js';
import { fhir } from './commands/fhir.js';
import { forecast } from './commands/forecast.js';
import { ics } from './commands/ics.js';
import { plan } from './commands/plan.js';
import { schema } from './commands/schema.js';
import { screen } from './commands/screen.js';
import { slots } from './commands/slots.js';
import { timeline } from './commands/timeline.js';
import { validate } from './commands/validate.js';
import { serve } from './serve.js';

/** Every command by name. */
export const commands: Readonly<Record<string, Command>> = {
  demo,
  plan,
  validate,
  forecast,
  screen,
  slots,
  schema,
  conformance,
  ics,
  fhir,
  timeline,
  serve,
};
