import path from 'node:path';
import { build } from 'esbuild';

/** The browser scripts: TypeScript in src/client/, shipped as small classic scripts. */
export const CLIENT_SCRIPTS = [
  'theme',
  'site',
  'matrix-filter',
  'search',
  'search-page',
  'library',
] as const;
export type ClientScript = (typeof CLIENT_SCRIPTS)[number];

const bundles = new Map<ClientScript, Promise<string>>();

/**
 * One client script bundled as an IIFE: classic scripts load from `file://`, where module
 * scripts are blocked, and load no framework.
 */
export function clientScript(name: ClientScript): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = build({
      entryPoints: [path.join(import.meta.env.ONUS_CLIENT_DIR, `${name}.ts`)],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2022',
      write: false,
      legalComments: 'none',
      charset: 'utf8',
      // The checkout's tsconfig.json as it bears on the output, given here: the package has none,
      // and must give the same bytes.
      tsconfigRaw: { compilerOptions: { alwaysStrict: true, verbatimModuleSyntax: true } },
    }).then((result) => result.outputFiles[0]!.text);
    bundles.set(name, bundle);
  }
  return bundle;
}
