/**
 * Loads the demo into an empty database.
 *   tsx db/seed-cli.ts            seed, or say why not
 *   tsx db/seed-cli.ts --if-empty seed only when the database is empty and SEED_DEMO is not 0 (used on start)
 */
import { closeDb, databasePath, getDb } from './client';
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from './seed';

const ifEmpty = process.argv.includes('--if-empty');
getDb();
if (ifEmpty && process.env.SEED_DEMO === '0') {
  console.log(`Database ${databasePath()} ready (SEED_DEMO=0: no demo data).`);
} else if (!isDatabaseEmpty()) {
  console.log(`Database ${databasePath()} already has data; the demo is not loaded again.`);
  if (!ifEmpty) process.exitCode = 1;
} else {
  await seedDemo();
  console.log(`Demo loaded into ${databasePath()}: the Lovech plan 2022-2024 (closed) and the plan drafted from the 2024 self-assessment, running today, each with a status history; the self-assessments of 2022 and 2024 (approved) and the one under way.`);
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email.padEnd(20)} ${user.name}`);
}
closeDb();
