import type { Command } from '../command';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';
import { userAddCommand } from './user-add';
import { anthroCommand } from './anthro';
import { referenceWhoCommand } from './reference-who';
import { seedCommand } from './seed';
import { referencePopulationCommands } from './reference-population';
import { protocolCommand } from './protocol';
import { indicatorsCommand } from './indicators';
import { boundariesImportCommand } from './boundaries';
import { schedulesCommand } from './schedules';

/** Every `siklus` command; add a module's command here. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  userAddCommand,
  referenceWhoCommand,
  anthroCommand,
  seedCommand,
  ...referencePopulationCommands,
  protocolCommand,
  boundariesImportCommand,
  indicatorsCommand,
  schedulesCommand,
];
