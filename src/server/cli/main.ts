import { commands } from './commands/index';
import { UsageError, type Command } from './command';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Siklus: integrated primary care (ILP) information system',
    '',
    'Usage: siklus <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Configuration by environment: PORT, HOST, DATA_DIR, DATABASE_URL (see README).',
  ].join('\n');
}

function find(argv: string[]): { command: Command; rest: string[] } | undefined {
  // Longest match first, so "user add" wins over a command named "user".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(help());
    return 0;
  }
  const found = find(argv);
  if (!found) {
    console.error(`Unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    console.log(`${found.command.summary}\n\nUsage: ${found.command.usage}`);
    return 0;
  }
  try {
    const code = await found.command.run(found.rest);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\nUsage: ${found.command.usage}`);
      return 2;
    }
    console.error(e instanceof Error ? e.message : e);
    if (process.env.SIKLUS_DEBUG) console.error(e);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// serve keeps running through its own handles; other commands exit when done.
if (code !== 0 || process.exitCode === undefined) process.exitCode = code;
