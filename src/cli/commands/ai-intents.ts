/**
 * `turno ai intents export [--out f.csv]` and `turno ai intents import f.csv [--replace] [--dry-run]`:
 * the intents and their training phrases as CSV (intent,example,name_en,name_es,name_pt), the same
 * export and import as the admin page and the API (src/ai/intent-csv.ts). The import prints what it
 * did (or would do) and every invalid line; with an invalid line nothing is stored and it exits 1.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { exportIntentsCsv, importIntentsCsv, type IntentImportReport } from '../../ai/intent-csv';
import { CliError, parseFlags } from '../args';
import { withApp } from '../context';

export const INTENTS_USAGE = 'ai intents export [--out f.csv] | ai intents import <f.csv> [--replace] [--dry-run]';

const HELP = `Usage: turno ai intents export [--out <file.csv>]
       turno ai intents import <file.csv> [--replace] [--dry-run]

Exports or imports the intents and their training phrases as CSV with the columns
intent,example,name_en,name_es,name_pt (UTF-8; the export starts with a BOM for spreadsheets).

  --out <file.csv>   write the export to this file instead of standard output
  --dry-run          check the file and print what the import would do, without changing anything
  --replace          also remove the examples of the intents in the file that the file does not
                     contain (without it, an import never deletes anything)
  --help             show this help

An import adds the examples that are new (a repeated intent + example is skipped), creates the
intents that do not exist and sets the names given. If any line is invalid, the lines and reasons
are printed and nothing is stored. A running server picks up the change when it restarts (imports
through the admin page or the API retrain it at once). See docs/ai.md.`;

/** The report as lines of text. */
export function formatImportReport(r: IntentImportReport): string {
  const verb = r.applied ? 'imported' : r.dryRun && r.errors.length === 0 ? 'dry run, nothing changed' : 'nothing imported';
  const lines = [
    `${r.rows} rows (${verb}): ${r.examplesAdded} examples added, ${r.duplicates} duplicates skipped, ${r.examplesRemoved} examples removed`,
    `intents created: ${r.intentsCreated.join(', ') || 'none'}; renamed: ${r.intentsRenamed.join(', ') || 'none'}`,
  ];
  for (const e of r.errors) lines.push(`line ${e.line}: ${e.message}`);
  if (r.invalidRows > r.errors.length) lines.push(`… and ${r.invalidRows - r.errors.length} more invalid lines`);
  return lines.join('\n');
}

/** Runs `turno ai intents …` with the arguments after "intents". */
export async function runIntentsCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseFlags(args, {
    out: { type: 'string' }, replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [action, file, ...extra] = positionals;
  if (action === 'export' && !file) {
    const csv = await withApp((app) => exportIntentsCsv(app.core));
    if (values.out) writeFileSync(values.out, csv);
    else await Bun.write(Bun.stdout, csv); // resolves once written, before the CLI exits
    return 0;
  }
  if (action !== 'import' || !file || extra.length > 0) throw new CliError(`usage: turno ${INTENTS_USAGE} (see turno ai intents --help)`, 2);
  if (!existsSync(file)) throw new CliError(`cannot read ${file}: no such file`);
  const csv = await Bun.file(file).text();
  const report = await withApp(async (app) => {
    await app.ai.ready;
    return importIntentsCsv(app.ai.intents, csv, { replace: values.replace, dryRun: values['dry-run'] }, { type: 'system', name: 'cli' });
  });
  const text = formatImportReport(report);
  if (report.invalidRows > 0) {
    console.error(text);
    return 1;
  }
  console.log(text);
  return 0;
}
