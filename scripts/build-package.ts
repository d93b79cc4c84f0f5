/**
 * `npm run build:package` (and `prepack`): the package's lib/, which is src/ as Node runs it
 * from node_modules — where it strips no types. Each TypeScript module becomes the same module
 * in JavaScript, its relative imports pointing at `.js`; Astro components and styles are copied
 * with their imports pointed the same way. The browser scripts' TypeScript is kept too, since
 * esbuild bundles it as the site builds, to the same bytes as from a checkout. lib/ is built
 * output, never committed.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { CLIENT_SCRIPTS } from '../src/site/client-scripts.ts';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'src');
const target = path.join(root, 'lib');

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ESNext,
  rewriteRelativeImportExtensions: true,
  verbatimModuleSyntax: true,
  useDefineForClassFields: true,
};

/** `./x.ts` → `./x.js` in an Astro component's imports (its frontmatter and its scripts). */
function pointImportsAtJavaScript(text: string): string {
  return text.replace(
    /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+)\.ts\2/g,
    (_, keyword: string, quote: string, specifier: string) =>
      `${keyword}${quote}${specifier}.js${quote}`,
  );
}

function fail(file: string, diagnostics: readonly ts.Diagnostic[]): never {
  const message = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
  process.stderr.write(`build:package: ${file}\n${message}`);
  process.exit(1);
}

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

await rm(target, { recursive: true, force: true });
let modules = 0;
for (const file of await files(source)) {
  const relative = path.relative(source, file);
  const text = await readFile(file, 'utf8');
  let output: string;
  let name = relative;
  if (relative.endsWith('.d.ts')) continue;
  if (relative.endsWith('.ts')) {
    const result = ts.transpileModule(text, {
      compilerOptions,
      fileName: relative,
      reportDiagnostics: true,
    });
    if (result.diagnostics?.length) fail(relative, result.diagnostics);
    output = result.outputText;
    name = relative.replace(/\.ts$/, '.js');
    modules += 1;
  } else if (relative.endsWith('.astro')) {
    output = pointImportsAtJavaScript(text);
  } else {
    output = text;
  }
  await mkdir(path.dirname(path.join(target, name)), { recursive: true });
  await writeFile(path.join(target, name), output);
}
// The browser scripts and every module they import, as esbuild finds them.
const { metafile } = await build({
  entryPoints: CLIENT_SCRIPTS.map((name) => path.join(source, 'client', `${name}.ts`)),
  bundle: true,
  write: false,
  metafile: true,
  outdir: target,
  logLevel: 'silent',
});
for (const input of Object.keys(metafile.inputs)) {
  const file = path.resolve(root, input);
  const relative = path.relative(source, file);
  if (relative.startsWith('..')) continue;
  await writeFile(path.join(target, relative), await readFile(file));
}
// The integration's types, for an astro.config.mjs under `// @ts-check`.
const integration = path.join(source, 'astro', 'integration.ts');
const declaration = ts.transpileDeclaration(await readFile(integration, 'utf8'), {
  compilerOptions,
  fileName: integration,
  reportDiagnostics: true,
});
if (declaration.diagnostics?.length) fail('astro/integration.ts', declaration.diagnostics);
await writeFile(path.join(target, 'astro', 'integration.d.ts'), declaration.outputText);
process.stderr.write(`build:package: compiled ${modules} modules of src/ into lib/\n`);
