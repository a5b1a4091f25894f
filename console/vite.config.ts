import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The staff console, and the citizen's 视频面审 call page (interview-call.html, served by
 * the server at /interview/call; it shares the WebRTC code with the console but no Vue).
 * The server serves console/dist under /console, so every asset URL is built relative to
 * that base. Run from the repo root:
 *   npm run build:console            (production bundle)
 *   npx vite --config console/vite.config.ts   (dev server; /api is proxied to a local server)
 */
export default defineConfig({
  root: consoleRoot,
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // TDesign's table alone is ~150 kB; the default 500 kB warning is the right budget.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('index.html', import.meta.url)),
        'interview-call': fileURLToPath(new URL('interview-call.html', import.meta.url)),
      },
    },
  },
  server: {
    // Same-origin cookies in development: let the dev server forward /api to `npm start`.
    proxy: { '/api': process.env.CONSOLE_API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
});
