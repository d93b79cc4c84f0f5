import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/chromium.ts';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    browserName: 'chromium',
    // The global setup finds or installs Chromium and names it here for the workers.
    launchOptions: {
      executablePath: process.env.ONUS_CHROMIUM ?? findChromium(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
