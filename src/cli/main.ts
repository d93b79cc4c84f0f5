import { build, buildUsage } from './build.ts';
import { check, checkUsage } from './check.ts';
import { dev, devUsage } from './dev.ts';
import { exportCommand, exportUsage } from './export.ts';
import { processIo, UsageError, type Io } from './io.ts';
import { model, modelUsage } from './model.ts';
import { schema, schemaUsage } from './schema.ts';

interface Command {
  run: (args: string[], io: Io) => Promise<number>;
  usage: string;
  summary: string;
}

const COMMANDS: Record<string, Command> = {
  build: { run: build, usage: buildUsage, summary: 'build the site of a model into a folder' },
  dev: { run: dev, usage: devUsage, summary: 'serve the site with live reload while you edit' },
  export: {
    run: exportCommand,
    usage: exportUsage,
    summary: 'export the site for reading offline, from disk',
  },
  check: { run: check, usage: checkUsage, summary: 'check SRM Markdown files and report problems' },
  model: {
    run: model,
    usage: modelUsage,
    summary: 'print the responsibility model of a file as JSON',
  },
  schema: { run: schema, usage: schemaUsage, summary: 'print the JSON Schema of that model' },
};

const usage = `Usage: onus <command> [options]

Publishes shared responsibility models written in Markdown.

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Run \`onus <command> --help\` for a command's options.`;

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(
      `onus: unknown command \`${name}\`, expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${usage}\n`,
    );
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`onus ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(
      `onus ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
        'This is a bug in Onus; please report it with the input that caused it.\n',
    );
    if (process.env.ONUS_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 70;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
