import { execFile } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  authorEnvironment,
  installPacked,
  packRepository,
} from '../../test/helpers/packed-project.ts';
import { OUTPUT } from './sites.ts';

const run = promisify(execFile);

/**
 * The Starlight site of test/fixtures/starlight-site as its author would have it: Onus packed
 * and installed from the tarball (offline, from the npm cache), the grid example in its
 * content/, and `astro build` — Astro's own command, not Onus's — writing into `out`.
 */
export async function buildStarlightSite(out: string): Promise<void> {
  const project = path.join(OUTPUT, 'starlight-project');
  cpSync(path.resolve('test/fixtures/starlight-site'), project, { recursive: true });
  mkdirSync(path.join(project, 'content'), { recursive: true });
  cpSync(path.resolve('examples/cloud-service-models.md'), path.join(project, 'content/srm.md'));
  const packed = await packRepository(path.join(OUTPUT, 'pack'));
  await installPacked(project, packed);
  try {
    await run('npx', ['--offline', 'astro', 'build', '--outDir', out], {
      cwd: project,
      env: { ...authorEnvironment(), ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    throw new Error(`Building the Starlight site failed:\n${stdout}\n${stderr}`);
  }
}
