// Tests that start the built CLI, a server or a browser wait on other processes: on a loaded
// 2-core machine (CI runs Chromium beside the CLI tests) a few seconds is not a failure.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
