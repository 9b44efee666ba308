// Vite config for the web client. Run from the repository root:
//   npx vite build client   -> client/dist (relative asset paths: works from an S3 website root,
//                              CloudFront, or a path-style URL such as /bucket/index.html)
//   npx vite client         -> dev server; serves ./config.json from client/public/config.json if
//                              present, else derives it from outputs/<CHAT_TARGET|local>.json.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

const clientDir = fileURLToPath(new URL('.', import.meta.url));

/** Dev server only: answer GET /config.json from the provisioner's outputs file. */
function devConfigFromOutputs(): Plugin {
  return {
    name: 'chat-dev-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path !== '/config.json' || existsSync(new URL('./public/config.json', import.meta.url))) {
          next();
          return;
        }
        const target = process.env.CHAT_TARGET ?? 'local';
        const outputsFile = new URL(`../outputs/${target}.json`, import.meta.url);
        if (!existsSync(outputsFile)) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ message: `no client/public/config.json and no outputs/${target}.json` }));
          return;
        }
        const out = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, unknown>;
        const endpoint = typeof out.endpoint === 'string' ? out.endpoint.replace(/\/+$/, '') : null;
        const local = target === 'local';
        const config = {
          region: out.region,
          apiUrl: out.apiUrl,
          userPoolId: out.userPoolId,
          userPoolClientId: out.userPoolClientId,
          cognitoEndpoint: endpoint,
          local,
          outboxUrl: local && endpoint ? `${endpoint}/_emulator/cognito/codes` : null,
        };
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(JSON.stringify(config, null, 2));
      });
    },
  };
}

export default defineConfig({
  root: clientDir,
  base: './',
  plugins: [preact(), devConfigFromOutputs()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});
