import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        // Node 20 needs Object.groupBy for chevrotain 13 (see language/polyfills.cjs).
        setupFiles: ['./language/polyfills.cjs'],
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        testTimeout: 30000
    }
});
