/**
 * npx tsx importers/cli.ts FILE [--dry-run] [--json] [--map MAPPING.json] [--lang bg|en]
 * The importer alone: prints the parsed plan (--json: its JSON) and writes nothing (importers/command.ts).
 * Writing it to the database: `npm run import` (scripts/import.ts).
 */
import { runImportCommand } from './command';

process.exitCode = await runImportCommand(process.argv.slice(2));
