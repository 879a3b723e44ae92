import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The API the dev server (`npm run dev:web`) forwards to. */
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';
const API_PREFIXES = ['/auth', '/cases', '/units', '/leaders', '/deputies', '/meetings', '/calendar', '/reports', '/rules', '/conversions', '/users', '/lookback', '/jobs', '/health', '/backups', '/directory', '/settings', '/audit'];

/** The console: built into dist/web and served by the service at /console (src/console). */
export default defineConfig({
  root,
  base: '/console/',
  plugins: [vue(), Components({ dts: false, resolvers: [ElementPlusResolver({ importStyle: false })] })],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)), '@domain': fileURLToPath(new URL('../src/domain', import.meta.url)) } },
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target: api, changeOrigin: false }])) },
  test: { environment: 'happy-dom', include: ['src/**/*.spec.ts'] },
});
