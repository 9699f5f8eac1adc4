import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Expected files (toMatchFileSnapshot) are never written by a plain run, on CI or not: a
    // missing one fails. `npx vitest run -u` writes them; review the diff before committing.
    update: 'none',
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
