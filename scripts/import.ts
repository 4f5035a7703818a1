/**
 * npm run import -- FILE [--dry-run] [--json] [--map MAPPING.json] [--org NAME] [--title TITLE] [--lang bg|en]
 * Imports a plan file into the database (--dry-run: only prints it, as importers/cli.ts does).
 * The reading and printing are the importer's (importers/command.ts); this script adds the writing.
 */
import { closeDb } from '../db/client';
import { importPlanIntoDatabase } from '../app/models/plan-import.server';
import { runImportCommand } from '../importers/command';

process.exitCode = await runImportCommand(process.argv.slice(2), importPlanIntoDatabase);
closeDb();
