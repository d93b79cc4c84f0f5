import { describe, expect, it } from 'vitest';
import { runOnThread } from '../../src/io/threads.ts';

describe('work on a thread of its own', () => {
  it('should resolve with what the thread posted', async () => {
    const script = await runOnThread<string>(
      new URL('../../src/search/search-index-worker.ts', import.meta.url),
      [],
    );
    expect(typeof script).toBe('string');
  });

  it('should reject with the thread’s error', async () => {
    await expect(
      runOnThread(new URL('../../src/search/search-index-worker.ts', import.meta.url), 'no models'),
    ).rejects.toThrow();
  });
});
