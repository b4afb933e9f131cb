import { loadConfig } from './config.ts';
import type { CliContext } from './cli/context.ts';
import { runStart } from './cli/start.ts';
import { runUser } from './cli/user.ts';
import { runMigrate, runSeed } from './cli/migrate.ts';

const USAGE = `Usage: lingxi <command>

  start                      serve the API, console and widget (PORT, HOST, LINGXI_DATA_DIR, DATABASE_URL, REDIS_URL)
  migrate                    apply database migrations and exit
  seed                       create the default workspace and its admin if missing
  user add --email E --name N --role admin|supervisor|agent [--password P] [--workspace demo]
  user reset-password --email E [--password P] [--workspace demo]
  eval intent|sentiment|pairs --train FILE --test FILE [--oos-label oos]
  import kb FILE [--workspace demo]   publish a knowledge base (.jsonl, .json, .csv, .xlsx); the bot answers from it when this returns
`;


async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'eval') {
    // Loaded only when asked for: the language engine is not needed to parse the rest of the CLI.
    const { runEval } = await import('./cli/eval.ts');
    return runEval({ args: rest, out, err });
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    err('Lingxi cannot start: the environment has problems:');
    for (const problem of loaded.problems) err(`  - ${problem}`);
    return 2;
  }
  const context: CliContext = { config: loaded.config, args: rest, out, err };
  switch (command) {
    case 'start':
      return runStart(context);
    case 'migrate':
      return runMigrate(context);
    case 'seed':
      return runSeed(context);
    case 'user':
      return runUser(context);
    case 'import': {
      const { runImport } = await import('./cli/import.ts');
      return runImport(context);
    }
    default:
      err(`Unknown command "${command}".\n`);
      err(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
