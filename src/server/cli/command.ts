/** A `siklus` sub-command. `name` may have two words ("user add", "reference import"). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<number | void>;
}

/** Thrown for bad command-line input: printed with the usage, exit code 2. */
export class UsageError extends Error {}
