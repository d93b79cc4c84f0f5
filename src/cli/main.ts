import { processIo, UsageError, type Io } from './io.ts';
import { printable } from './printable.ts';

interface Command {
  run: (args: string[], io: Io) => Promise<number>;
  usage: string;
}

/** Each command is loaded only when it runs: `onus check` need not load Astro, nor the exporter. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  build: {
    summary: 'build the site of a model into a folder',
    load: async () => {
      const { build, buildUsage } = await import('./build.ts');
      return { run: build, usage: buildUsage };
    },
  },
  dev: {
    summary: 'serve the site with live reload while you edit',
    load: async () => {
      const { dev, devUsage } = await import('./dev.ts');
      return { run: dev, usage: devUsage };
    },
  },
  export: {
    summary: 'export the site for reading offline, from disk',
    load: async () => {
      const { exportCommand, exportUsage } = await import('./export.ts');
      return { run: exportCommand, usage: exportUsage };
    },
  },
  check: {
    summary: 'check SRM Markdown files and report problems',
    load: async () => {
      const { check, checkUsage } = await import('./check.ts');
      return { run: check, usage: checkUsage };
    },
  },
  diff: {
    summary: 'print what changed between two releases of a model',
    load: async () => {
      const { diff, diffUsage } = await import('./diff.ts');
      return { run: diff, usage: diffUsage };
    },
  },
  init: {
    summary: 'write a new project: an example model, package.json, a publishing workflow',
    load: async () => {
      const { init, initUsage } = await import('./init.ts');
      return { run: init, usage: initUsage };
    },
  },
  import: {
    summary: 'turn a spreadsheet (CSV or XLSX) into SRM Markdown',
    load: async () => {
      const { importCommand, importUsage } = await import('./import.ts');
      return { run: importCommand, usage: importUsage };
    },
  },
  model: {
    summary: 'print the responsibility model of a file as JSON',
    load: async () => {
      const { model, modelUsage } = await import('./model.ts');
      return { run: model, usage: modelUsage };
    },
  },
  schema: {
    summary: 'print the JSON Schema of that model',
    load: async () => {
      const { schema, schemaUsage } = await import('./schema.ts');
      return { run: schema, usage: schemaUsage };
    },
  },
};

const usage = `Usage: onus <command> [options]

Publishes shared responsibility models written in Markdown.

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Run \`onus <command> --help\` for a command's options, \`onus --version\` for the version.`;

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`onus ${await version()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(
      `onus: unknown command \`${printable(name)}\`, expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${usage}\n`,
    );
    return 2;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`onus ${name}: ${printable((error as Error).message)}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(
      `onus ${name}: internal error: ${printable(error instanceof Error ? error.message : String(error))}\n` +
        'This is a bug in Onus; please report it with the input that caused it.\n',
    );
    if (process.env.ONUS_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 70;
  }
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { PROJECT_ROOT } = await import('../io/project-root.ts');
  const manifest = JSON.parse(await readFile(`${PROJECT_ROOT}package.json`, 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
