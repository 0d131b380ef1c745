import type { Command } from '../command';

/** Every `siklus` command; add a module's command here. */
export const commands: Command[] = [];
