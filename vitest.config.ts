import { defineConfig } from 'vitest/config';

// One runner, four projects: `unit` needs nothing; the others run inside one
// `firebase emulators:exec` (see package.json "test:emulated").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['model/__tests__/**/*.test.ts', 'functions/src/**/__tests__/**/*.test.ts', 'web/src/**/__tests__/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'functions',
          include: ['tests/functions/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          allowOnly: !process.env.CI,
        },
      },
    ],
  },
});
