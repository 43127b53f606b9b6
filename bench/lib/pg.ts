// node-postgres for the bench scripts. `pg` is a dependency of packages/db only, so neither Node
// nor TypeScript resolves it from bench/: the module is loaded from packages/db's own folder, and
// its types from the @types/pg installed there (the same 8.23.1).
import { createRequire } from 'node:module';
import type * as Pg from '../../packages/db/node_modules/@types/pg/index.d.ts';

const requireFromDb = createRequire(new URL('../../packages/db/package.json', import.meta.url));

const pg = requireFromDb('pg') as typeof Pg;
export default pg;
export type Client = Pg.Client;
