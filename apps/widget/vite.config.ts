import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const src = fileURLToPath(new URL('./src', import.meta.url));
const dist = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * The loader is a classic script (customers paste a plain <script src>), so it cannot share the
 * pages' ES-module build: it is bundled separately as one IIFE at the stable name dist/loader.js.
 */
function loaderScript(): Plugin {
  return {
    name: 'lingxi-loader',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: src,
        logLevel: 'warn',
        build: {
          outDir: dist,
          emptyOutDir: false,
          target: 'es2019',
          minify: true,
          lib: { entry: `${src}/loader/loader.ts`, formats: ['iife'], name: 'LingxiLoader', fileName: () => 'loader.js' },
        },
      });
    },
  };
}

// Served by the Lingxi server at /widget/* (and dist/demo.html at /demo).
export default defineConfig({
  root: src,
  base: '/widget/',
  plugins: [loaderScript()],
  build: {
    outDir: dist,
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: { frame: `${src}/frame.html`, demo: `${src}/demo.html`, index: `${src}/index.html` },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
