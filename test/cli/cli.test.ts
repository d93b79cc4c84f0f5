import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const fixtures = path.resolve('test/fixtures/model');

/** Run the CLI in-process from `cwd`, collecting what it writes. */
async function run(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    color: false,
    cwd,
  });
  return { code, stdout, stderr };
}

describe('onus check', () => {
  it('should check content/ by default and find it clean', async () => {
    const { code, stderr } = await run(['check']);
    expect(code).toBe(0);
    expect(stderr).toBe('content/vmware-site-recovery.md: no issues found\n');
  });

  it('should print errors as file:line:col, severity, message, rule id, with a summary, and exit 1', async () => {
    const { code, stderr } = await run(['check', 'party-id-duplicate/input.md'], fixtures);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "party-id-duplicate/input.md
      6:9     error Unexpected duplicate party id \`customer\`, expected each party to have its own id party-id-duplicate onus
        [cause]:
          4:9 info  Party \`customer\` first declared here  party-id-duplicate onus

      ✖ 1 error
      "
    `);
  });

  it('should check every Markdown file in a folder', async () => {
    const { code, stderr } = await run(['check', fixtures, '--no-library']);
    expect(code).toBe(1);
    expect(stderr).toContain('minimal/input.md: no issues found');
    expect(stderr).toMatch(/\d+ messages \(✖ \d+ errors, ⚠ \d+ warnings\)\n$/);
  });

  it('should pass with warnings, and fail on them with --strict', async () => {
    expect((await run(['check', 'only-warnings/input.md'], fixtures)).code).toBe(0);
    const strict = await run(['check', '--strict', 'only-warnings/input.md'], fixtures);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('⚠ 3 warnings');
  });

  it('should report a missing path as an error, not a crash', async () => {
    const { code, stderr } = await run(['check', 'nowhere.md']);
    expect(code).toBe(1);
    expect(stderr).toContain('Unexpected missing file `nowhere.md`');
  });

  it.each(['text', 'json', 'github'])(
    'should print control characters from titles and file names escaped, never raw, as %s',
    async (format) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'onus-escape-'));
      const name = 'model\u001b]0;owned\u0007\u001b[2J.md';
      writeFileSync(
        path.join(dir, name),
        '---\ntitle: T\nparties:\n  - id: a\n    name: A\n---\n\n## Responsibility matrix\n\n### B\u001b]52;c;aGk=\u0007\n\n- x\n',
      );
      const { code, stdout, stderr } = await run(['check', '--format', format, name], dir);
      expect(code).toBe(1);
      for (const output of [stdout, stderr]) {
        expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }
      const printed = format === 'json' ? JSON.stringify(JSON.parse(stdout)) : stdout + stderr;
      expect(printed).toMatch(/model(\\x1B|\\u001b)\]0;owned(\\x07|\\u0007)/);
      expect(printed).toMatch(/Unexpected heading `B(\\x1B|\\u001b)\]52;c;aGk=/);
    },
  );

  it('should read a folder as build does: README.md files describe it, and are no models', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-readme-'));
    cpSync('content/vmware-site-recovery.md', path.join(dir, 'model.md'));
    writeFileSync(path.join(dir, 'README.md'), '# Our models\n\nThese are our models.\n');
    const { code, stderr } = await run(['check', '.'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('model.md: no issues found\n');
  });

  it('should say that a FIFO or a device named *.md is no file, instead of reading it for ever', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-special-'));
    cpSync('content/vmware-site-recovery.md', path.join(dir, 'model.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    for (const args of [
      ['check', '.'],
      ['check', 'pipe.md'],
      ['build', '--content', '.', '--out', '../site'],
    ]) {
      const { code, stderr } = await run(args, dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /1:1 +error +Unexpected `(\.\/)?pipe\.md`: a FIFO, expected an SRM Markdown file/,
      );
      if (args[1] !== 'pipe.md') {
        expect(stderr).toMatch(
          /1:1 +error +Unexpected `(\.\/)?zero\.md`: a device, expected an SRM Markdown file/,
        );
      }
    }
  });

  it('should refuse a file name too long for a model id, before export names files after it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-long-name-'));
    mkdirSync(path.join(dir, 'content'));
    cpSync('content/vmware-site-recovery.md', path.join(dir, 'content', `${'m'.repeat(250)}.md`));
    for (const args of [
      ['check', 'content'],
      ['export', '--out', 'out'],
    ]) {
      const { code, stderr } = await run(args, dir);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /1:1 +error +Unexpected file name that makes a model id of 250 characters, expected at most 80/,
      );
    }
  });

  it('should follow a linked folder of models once, even where links loop', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-linked-'));
    const shared = mkdtempSync(path.join(tmpdir(), 'onus-shared-'));
    cpSync('content/vmware-site-recovery.md', path.join(shared, 'shared.md'));
    mkdirSync(path.join(dir, 'models'));
    symlinkSync(shared, path.join(dir, 'models', 'shared'));
    symlinkSync('..', path.join(dir, 'models', 'up'));
    const { code, stderr } = await run(['check', 'models'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('models/shared/shared.md: no issues found\n');
  });

  it('should find a model file that is a symbolic link', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-link-'));
    symlinkSync(path.resolve('content/vmware-site-recovery.md'), path.join(dir, 'model.md'));
    const { code, stderr } = await run(['check', '.'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('model.md: no issues found\n');
  });

  it('should list the first 100 messages of a rule and count them all', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-many-'));
    const keys = Array.from({ length: 250 }, (_, index) => `key${index}: x`).join('\n');
    writeFileSync(
      path.join(dir, 'many.md'),
      `---\ntitle: T\n${keys}\nparties:\n  - id: a\n    name: A\n---\n\n## Responsibility matrix\n\n### A\n\n- x\n`,
    );
    const { stderr } = await run(['check', 'many.md'], dir);
    // A hundred listed, then one line that names the rule twice.
    expect(stderr.match(/frontmatter-unknown-key/g)).toHaveLength(102);
    expect(stderr).toContain('… and 150 more `frontmatter-unknown-key` like these, not listed');
    expect(stderr).toMatch(/\n⚠ 250 warnings\n$/);
  });

  it('should print every message as JSON with --format json', async () => {
    const { code, stdout, stderr } = await run(
      ['check', '--format', 'json', 'party-heading-typo/input.md'],
      fixtures,
    );
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual([
      {
        file: 'party-heading-typo/input.md',
        line: 10,
        column: 1,
        severity: 'error',
        rule: 'party-heading-unknown',
        message:
          'Unexpected heading `Custommer` in the matrix, expected the name, short name or id of a party declared in the frontmatter: did you mean `customer`?',
      },
    ]);
  });

  it('should print GitHub Actions annotations with --format github', async () => {
    const { stdout } = await run(
      ['check', '--format', 'github', 'frontmatter-key-typo/input.md'],
      fixtures,
    );
    expect(stdout).toBe(
      '::warning file=frontmatter-key-typo/input.md,line=3,col=1,title=onus frontmatter-unknown-key::Unexpected key `partys` in frontmatter, did you mean `parties`?\n' +
        '::error file=frontmatter-key-typo/input.md,line=3,col=1,title=onus parties-missing::Unexpected missing `parties` in frontmatter, expected a list of parties (`- id: …` with `name: …`): `partys` on line 3 may be it\n',
    );
  });

  it('should print no line that starts with a space for a missing file', async () => {
    const { stderr } = await run(['check', 'nowhere.md'], fixtures);
    expect(stderr.split('\n').filter((line) => /^ \S/.test(line))).toEqual([]);
    expect(stderr).toMatch(
      /^1:1 +error Unexpected missing file `nowhere\.md` \(looked for .*nowhere\.md\)/m,
    );
  });

  it('should say that --against names another model’s permalinks, not list them all removed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-other-'));
    writeFileSync(
      path.join(dir, 'permalinks.json'),
      JSON.stringify({
        schemaVersion: 1,
        model: 'another-model',
        permalinks: [
          { kind: 'activity', id: 'elsewhere', title: 'Elsewhere', url: '/activities/elsewhere/' },
          { kind: 'activity', id: 'backups', title: 'Backups', url: '/activities/backups/' },
        ],
      }),
    );
    const model = path.join(fixtures, 'minimal/input.md');
    const { code, stderr } = await run(['check', model, '--against', 'permalinks.json'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Unexpected permalinks of another model, `another-model` (0 of its 2 ids are in this one), expected the permalinks.json of an earlier build of `input`',
    );
    expect(stderr).not.toContain('permalink-removed');
  });

  it('should report a folder without Markdown', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'onus-empty-'));
    const { code, stderr } = await run(['check', empty]);
    expect(code).toBe(1);
    expect(stderr).toContain('without Markdown files');
  });
});

describe('onus model', () => {
  it('should print the model as JSON', async () => {
    const { code, stdout, stderr } = await run(['model', 'content/vmware-site-recovery.md']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const model = JSON.parse(stdout);
    expect(model.schemaVersion).toBe(2);
    expect(model.parties).toHaveLength(3);
    expect(model.activities).toHaveLength(28);
  });

  it('should print nothing on stdout and exit 1 when the file has errors', async () => {
    const { code, stdout, stderr } = await run(['model', 'matrix-missing/input.md'], fixtures);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('matrix-missing');
  });

  it('should print warnings on stderr and the model on stdout', async () => {
    const { code, stdout, stderr } = await run(['model', 'only-warnings/input.md'], fixtures);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).activities).toHaveLength(2);
    expect(stderr).toContain('warning');
  });

  it('should ask for exactly one file', async () => {
    const { code, stderr } = await run(['model']);
    expect(code).toBe(2);
    expect(stderr).toContain('expected one file, got none');
    expect(stderr).toContain('Usage: onus model FILE');
  });
});

describe('onus', () => {
  it('should explain an unknown command and option with the usage, exit 2', async () => {
    const unknown = await run(['publish']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command `publish`');
    const option = await run(['check', '--fast']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--fast'");
  });

  it('should print its version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^onus \d+\.\d+\.\d+\n$/);
  });

  it('should print help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('check');
    expect(stdout).toContain('model');
  });
});

describe('the onus executable', () => {
  const exec = promisify(execFile);
  const bin = path.resolve('bin/onus.js');

  it('should run on the pinned Node and exit with the command’s status', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-bin-'));
    writeFileSync(path.join(dir, 'bad.md'), '---\ntitle: x\n---\n');
    const failure = await exec(process.execPath, [bin, 'check', 'bad.md'], { cwd: dir }).catch(
      (error) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('bad.md');
    expect(failure.stderr).toContain('parties-missing');
    expect(failure.stderr).not.toMatch(/\n\s+at /);

    const { stdout } = await exec(process.execPath, [
      bin,
      'model',
      path.resolve('content/vmware-site-recovery.md'),
    ]);
    expect(JSON.parse(stdout).activities).toHaveLength(28);
  });
});
