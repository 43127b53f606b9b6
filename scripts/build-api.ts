// Builds the API that `pnpm start` runs (scripts/start.ts): one esbuild bundle of
// scripts/start-api.ts and everything it imports, plus the import sandbox's child
// (services/imports/sandbox-child.ts, which the API forks by path), into apps/api/dist/, run by
// plain `node` — no TypeScript loader in the process (ADR 030). Tests keep running the sources
// through tsx. Packages that are native addons or read their own files at run time stay outside
// the bundle and are loaded from apps/api/node_modules, next to the bundle.
//
// A build is skipped when no file that went into the last one changed (their sizes and times are
// kept in dist/inputs.json), and a new one replaces each output file by a rename, so an API
// already running from the folder — another `pnpm start` in the same checkout — never sees a
// half-written or missing file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
export const API_DIST = path.join(root, 'apps/api/dist');
/** The bundled scripts/start-api.ts: what the supervisor forks. */
export const API_BUNDLE = path.join(API_DIST, 'api.js');
const INPUTS = path.join(API_DIST, 'inputs.json');

const ENTRIES = {
  api: 'scripts/start-api.ts',
  'sandbox-child': 'apps/api/src/services/imports/sandbox-child.ts',
};

/**
 * Not bundled: native addons (a `.node` file is loaded from its package), and packages that find
 * files beside their own code at run time (swagger-ui's page and scripts).
 */
const EXTERNAL = ['@node-rs/argon2', 'sharp', '@fastify/swagger-ui'];

/** Size and modification time of every file, this script included: equal means nothing changed. */
function fingerprint(files: string[]): string | null {
  const hash = createHash('sha256');
  for (const file of [here, ...files].sort()) {
    try {
      const stat = statSync(path.resolve(root, file));
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      return null;
    }
  }
  return hash.digest('hex');
}

function upToDate(): boolean {
  if (!existsSync(INPUTS)) return false;
  try {
    const last = JSON.parse(readFileSync(INPUTS, 'utf8')) as { files: string[]; fingerprint: string };
    const outputs = Object.keys(ENTRIES).map((name) => path.join(API_DIST, `${name}.js`));
    return outputs.every((file) => existsSync(file)) && fingerprint(last.files) === last.fingerprint;
  } catch {
    return false;
  }
}

/** Builds the bundle unless it is up to date; answers how long it took (ms) and whether it built. */
export async function buildApi(): Promise<{ ms: number; built: boolean }> {
  const started = performance.now();
  if (upToDate()) return { ms: performance.now() - started, built: false };
  const staging = path.join(API_DIST, `.build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outdir: staging,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // Modules the API imports on first use (exceljs, docx, file-type: ADR 030) go to chunks of
      // their own, read from disk when first imported, so the idle process never parses or holds
      // their source.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      target: 'node20',
      external: EXTERNAL,
      // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      // Smaller source text is less memory held for the life of the process; names are kept for
      // error classes and logs, and the source map points stack traces back at the sources
      // (node --enable-source-maps).
      minify: true,
      keepNames: true,
      sourcemap: 'linked',
      legalComments: 'none',
      metafile: true,
      logLevel: 'warning',
    });
    const files = Object.keys(result.metafile.inputs).filter((file) => !file.includes(':'));
    // Chunks first, then the entries that import them. A chunk's name carries its content's hash,
    // so one an older build wrote is never replaced by other code; old chunks are left for an API
    // still running from the folder, which may import them later.
    mkdirSync(path.join(API_DIST, 'chunks'), { recursive: true });
    for (const file of readdirSync(path.join(staging, 'chunks')))
      renameSync(path.join(staging, 'chunks', file), path.join(API_DIST, 'chunks', file));
    for (const name of Object.keys(ENTRIES)) {
      for (const file of [`${name}.js`, `${name}.js.map`])
        renameSync(path.join(staging, file), path.join(API_DIST, file));
    }
    writeFileSync(INPUTS, `${JSON.stringify({ fingerprint: fingerprint(files), files })}\n`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { ms: performance.now() - started, built: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ms, built } = await buildApi();
  console.log(
    built
      ? `[dutyboard] API built into ${path.relative(root, API_DIST)} in ${(ms / 1000).toFixed(1)} s`
      : `[dutyboard] API in ${path.relative(root, API_DIST)} is up to date`,
  );
}
