// `pnpm prisma <args>`: the Prisma CLI with this project's offline setup (see packages/db/src/migrate.ts).
import { runPrismaCli } from '@dutyboard/db/migrate';

runPrismaCli(process.argv.slice(2))
  .then((out) => process.stdout.write(out))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
