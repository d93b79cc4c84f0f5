import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../e2e/support/static-server.ts';

const bin = path.resolve('bin/onus.js');

/** Whether something listens on a port of this machine. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Start `onus dev` as `command args…`, wait until it serves, then send `signal` to what was started. */
async function stopDev(command: string, args: string[], signal: NodeJS.Signals) {
  const port = await freePort();
  const child = spawn(command, [...args, 'dev', '--port', String(port)], {});
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`onus dev did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Serving ')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
  });
  expect(await listening(port)).toBe(true);
  const sent = performance.now();
  child.kill(signal);
  // Within 2 s of the signal the server is gone, whatever ran it.
  while (performance.now() - sent < 2_000 && (await listening(port))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stillListening: await listening(port), output };
}

describe('stopping onus dev', { timeout: 120_000 }, () => {
  it('should close the server within 2 s of SIGTERM sent to npx', async () => {
    const { stillListening } = await stopDev('npx', ['onus'], 'SIGTERM');
    expect(stillListening).toBe(false);
  });

  it('should close the server within 2 s of SIGINT sent to onus itself', async () => {
    const { stillListening } = await stopDev(process.execPath, [bin], 'SIGINT');
    expect(stillListening).toBe(false);
  });
});
