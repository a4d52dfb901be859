import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Admin console SPA, served by the Gongkai server under /admin/.
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 20,
            },
            // Charts of the statistics page only (loaded with that page).
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 15 },
            // The rich-text editor (a document's body) and what only it uses: loaded with its pages, not
            // parsed on every page (a third of the libraries' chunk). No antd inside: the rule below holds.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap[\\/][^\\/]+|prosemirror-[^\\/]+|linkifyjs|rope-sequence|orderedmap|w3c-keyname)[\\/]/,
              priority: 15,
            },
            // The rest of the libraries in one chunk: antd's motion and style registries must be one copy.
            { name: 'antd', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    // `vite src/admin` during development: forward API calls to a locally running server.
    proxy: { '/api': process.env.GONGKAI_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
