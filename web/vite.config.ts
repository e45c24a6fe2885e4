import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes .br and .gz beside each text asset, so the server can send them as they are
 * (@fastify/static `preCompressed: true`) instead of compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'ocop-precompress',
    apply: 'build',
    // After the files are written: earlier hooks still see placeholders (e.g. __VITE_PRELOAD__)
    // that Vite replaces at the end, and a compressed copy must match the file byte for byte.
    writeBundle(options, bundle) {
      const outDir = options.dir!;
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const source = readFileSync(path.join(outDir, fileName));
        if (source.length < 1024) continue;
        writeFileSync(path.join(outDir, `${fileName}.br`), brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(path.join(outDir, `${fileName}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}

/** The back office: served by the API server under /admin/ (src/server.ts), built into web/dist. */
export default defineConfig({
  root: webDir,
  base: '/admin/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Phones in the field: no source maps shipped; ES2022 (Chrome 94+, Safari 15+) avoids down-levelled class fields.
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
