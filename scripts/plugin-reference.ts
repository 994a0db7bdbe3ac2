/**
 * Writes docs/plugin-reference.md from the code, so the reference cannot drift: the public plugin
 * contract (src/plugin-host/types.ts and public.ts), every durable event and its payload
 * (src/core/events.ts), the before-hooks (src/core/filters.ts), and the data types they carry,
 * expanded one level with the TypeScript type checker (column docs from the drizzle schema).
 * Run: bun scripts/plugin-reference.ts. test/unit/plugin-host/plugin-reference.test.ts fails when
 * the committed file differs from what this prints.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dir, '..');
export const REFERENCE_FILE = join(ROOT, 'docs', 'plugin-reference.md');
const FILES = {
  types: join(ROOT, 'src/plugin-host/types.ts'),
  publicModule: join(ROOT, 'src/plugin-host/public.ts'),
  events: join(ROOT, 'src/core/events.ts'),
  filters: join(ROOT, 'src/core/filters.ts'),
  coreTypes: join(ROOT, 'src/core/types.ts'),
};
/** Data types expanded member by member (where they are declared or imported from). */
const DATA_TYPES: Array<[name: string, file: string]> = [
  ['Message', FILES.types], ['Conversation', FILES.types], ['Contact', FILES.types], ['Label', FILES.types], ['PublicUser', FILES.types],
  ['SendMessageInput', join(ROOT, 'src/core/messages.ts')], ['AssignmentTarget', join(ROOT, 'src/core/assignment.ts')],
];

interface Row {
  name: string;
  type: string;
  doc: string;
}

/** One markdown table cell: a single line, pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text: string) => (text ? `\`${cell(text)}\`` : '');

/** Names with a section under "Data types", linked from the tables. */
const LINKED = new Set([...DATA_TYPES.map(([name]) => name), 'Actor']);

/** A type cell: a link when it is (or is nullable) one of the data types. */
function typeCell(type: string): string {
  const [name, nullable] = type.split(' | ');
  if (!LINKED.has(name!) || (nullable !== undefined && nullable !== 'null') || type.split(' | ').length > 2) return code(type);
  return `[\`${name}\`](#${name!.toLowerCase()})${nullable ? ' \\| `null`' : ''}`;
}

function table(rows: Row[]): string {
  if (rows.length === 0) return '_(no members)_';
  return ['| member | type | description |', '|---|---|---|', ...rows.map((r) => `| ${code(r.name)} | ${typeCell(r.type)} | ${cell(r.doc)} |`)].join('\n');
}

/** The JSDoc written just before `node`, as one paragraph (an `@word` inside the text is kept). */
function docOf(node: ts.Node): string {
  return ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)
    .map((d) => d.getText().replace(/^\/\*\*|\*\/$/g, '').split('\n').map((line) => line.replace(/^\s*\*\s?/, '').trim()).join(' '))
    .join(' ').replace(/\s+/g, ' ').trim();
}

/** Rows of an interface or type literal as written in the source. */
function memberRows(members: ts.NodeArray<ts.TypeElement>, sf: ts.SourceFile): Row[] {
  return members.map((m) => {
    const name = m.name ? m.name.getText(sf).replace(/^'(.*)'$/, '$1') : '';
    if (ts.isPropertySignature(m)) return { name: `${m.modifiers?.some((k) => k.kind === ts.SyntaxKind.ReadonlyKeyword) ? 'readonly ' : ''}${name}${m.questionToken ? '?' : ''}`, type: m.type?.getText(sf) ?? '', doc: docOf(m) };
    if (ts.isMethodSignature(m)) {
      const signature = m.getText(sf).slice(m.name.getEnd() - m.getStart(sf)).replace(/;$/, '');
      return { name: `${name}${signature.startsWith('<') ? signature.slice(0, signature.indexOf('(')) : ''}()`, type: signature.replace(/^<[^(]*>/, ''), doc: docOf(m) };
    }
    return { name: m.getText(sf), type: '', doc: docOf(m) };
  });
}

/** Loads the program once: the contract files and everything they import, with the repo's compiler options. */
function loadProgram() {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('cannot read tsconfig.json');
  const roots = [...Object.values(FILES), ...DATA_TYPES.map(([, file]) => file)];
  const program = ts.createProgram([...new Set(roots)], { ...config.options, noEmit: true, incremental: false });
  const source = (file: string) => {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`${file} is not in the program`);
    return sf;
  };
  return { checker: program.getTypeChecker(), source };
}

type Program = ReturnType<typeof loadProgram>;

/** A top-level interface or type alias of `sf` by name. */
function declarationOf(sf: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  const found = sf.statements.find((s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name);
  if (!found) throw new Error(`${name} is not declared in ${sf.fileName}`);
  return found;
}

/** The members of an interface, or of a type alias that is a type literal; null for other aliases. */
function membersOf(decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): ts.NodeArray<ts.TypeElement> | null {
  if (ts.isInterfaceDeclaration(decl)) return decl.members;
  return ts.isTypeLiteralNode(decl.type) ? decl.type.members : null;
}

/** Column docs of every drizzle table in src/db/schema, by table variable, in column order. */
function schemaDocs(p: Program): Map<string, Map<string, string>> {
  const dir = join(ROOT, 'src/db/schema');
  const tables = new Map<string, Map<string, string>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const sf = p.source(join(dir, file));
    sf.statements.filter(ts.isVariableStatement).flatMap((s) => [...s.declarationList.declarations]).forEach((d) => {
      const call = d.initializer;
      if (!call || !ts.isCallExpression(call) || call.expression.getText(sf) !== 'sqliteTable') return;
      const columns = call.arguments[1];
      if (!columns || !ts.isObjectLiteralExpression(columns)) return;
      tables.set(d.name.getText(sf), new Map(columns.properties.map((c) => [c.name?.getText(sf) ?? '', docOf(c)])));
    });
  }
  return tables;
}

/** The drizzle table behind a row type of src/core/types.ts (`typeof s.messages.$inferSelect`, `Omit<User, …>`). */
function tableOf(p: Program, typeName: string): string | null {
  const sf = p.source(FILES.coreTypes);
  const alias = sf.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName);
  const text = alias?.type.getText(sf) ?? '';
  const table = /typeof s\.(\w+)\.\$inferSelect/.exec(text)?.[1];
  if (table) return table;
  const base = /^Omit<(\w+),/.exec(text)?.[1];
  return base ? tableOf(p, base) : null;
}

/** The members of type `name` (declared or imported in `file`) as the checker resolves them, one level deep. */
function expandedRows(p: Program, name: string, file: string, docs: Map<string, Map<string, string>>): Row[] {
  const sf = p.source(file);
  const declared = sf.statements.find((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name) as ts.InterfaceDeclaration | undefined;
  let symbol = declared ? p.checker.getSymbolAtLocation(declared.name) : p.checker.getSymbolsInScope(sf, ts.SymbolFlags.Alias).find((s) => s.name === name);
  if (!symbol) throw new Error(`${name} is not visible in ${file}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = p.checker.getAliasedSymbol(symbol);
  return propertyRows(p, p.checker.getDeclaredTypeOfSymbol(symbol), tableOf(p, name), docs);
}

/** The properties of `type` as rows (column docs and order from drizzle `table` when given). */
function propertyRows(p: Program, type: ts.Type, table: string | null, docs: Map<string, Map<string, string>>): Row[] {
  const columns = table ? docs.get(table) : undefined;
  const order = columns ? [...columns.keys()] : [];
  const rows = p.checker.getPropertiesOfType(type).map((prop) => ({
    name: `${prop.name}${prop.flags & ts.SymbolFlags.Optional ? '?' : ''}`,
    type: p.checker.typeToString(p.checker.getTypeOfSymbol(prop), undefined, ts.TypeFormatFlags.NoTruncation),
    doc: columns?.get(prop.name) || ts.displayPartsToString(prop.getDocumentationComment(p.checker)),
    key: prop.name,
  }));
  if (order.length) rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return rows.map(({ key: _key, ...row }) => row);
}

/** The string elements of `export const NAME = [...] as const …` in `sf`. */
function constStrings(sf: ts.SourceFile, name: string): string[] {
  for (const statement of sf.statements.filter(ts.isVariableStatement)) {
    for (const d of statement.declarationList.declarations) {
      if (d.name.getText(sf) !== name || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)) init = init.expression;
      if (ts.isArrayLiteralExpression(init)) return init.elements.filter(ts.isStringLiteral).map((e) => e.text);
    }
  }
  throw new Error(`${name} is not a constant string array in ${sf.fileName}`);
}

/** A section per event or hook of an interface whose members are `'name': { payload }`. */
function namedPayloads(p: Program, sf: ts.SourceFile, iface: string, names: string[] | null): string[] {
  const members = membersOf(declarationOf(sf, iface))!;
  const byName = new Map(members.filter(ts.isPropertySignature).map((m) => [m.name.getText(sf).replace(/^'(.*)'$/, '$1'), m]));
  return (names ?? [...byName.keys()]).map((name) => {
    const member = byName.get(name);
    if (!member?.type) throw new Error(`${iface} has no member "${name}"`);
    const members = ts.isTypeLiteralNode(member.type) ? member.type.members : null;
    const body = members ? table(memberRows(members, sf)) : `\`${member.type.getText(sf)}\``;
    // A type inferred from a zod schema has no name to look up below: expand it here.
    const inferred = [...(members ?? [])].filter(ts.isPropertySignature).filter((m) => m.type?.getText(sf).startsWith('z.'))
      .map((m) => `\`${m.name.getText(sf)}\`:\n\n${table(propertyRows(p, p.checker.getTypeFromTypeNode(m.type!), null, new Map()))}`);
    return [`### \`${name}\``, docOf(member), body, ...inferred].filter(Boolean).join('\n\n');
  });
}

/** A section per exported interface and type alias of the contract, in declaration order. */
function contractSections(sf: ts.SourceFile): string[] {
  return sf.statements
    .filter((s): s is ts.InterfaceDeclaration | ts.TypeAliasDeclaration => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && !!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((decl) => {
      const members = membersOf(decl);
      const generics = decl.typeParameters ? `<${decl.typeParameters.map((t) => t.getText(sf)).join(', ')}>` : '';
      const body = members ? table(memberRows(members, sf)) : `\`\`\`ts\ntype ${decl.name.text}${generics} = ${(decl as ts.TypeAliasDeclaration).type.getText(sf)};\n\`\`\``;
      return [`### \`${decl.name.text}${generics}\``, docOf(decl), body].filter(Boolean).join('\n\n');
    });
}

/** What `turno/plugin` exports at run time, with each one's doc. */
function publicExports(sf: ts.SourceFile): string {
  const lines: string[] = [];
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) lines.push(`- \`${s.name.text}\`: ${docOf(s)}`);
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause)) {
      for (const e of s.exportClause.elements) lines.push(`- \`${e.name.text}\` (from \`${(s.moduleSpecifier as ts.StringLiteral).text}\`)`);
    }
  }
  return lines.join('\n');
}

/** The whole reference as markdown. */
export function renderPluginReference(): string {
  const p = loadProgram();
  const types = p.source(FILES.types);
  const events = p.source(FILES.events);
  const durable = constStrings(events, 'DURABLE_EVENTS');
  const allEvents = membersOf(declarationOf(events, 'TurnoEvents'))!.map((m) => m.name!.getText(events).replace(/^'(.*)'$/, '$1'));
  const docs = schemaDocs(p);
  return [
    '# Plugin reference',
    '> Generated by `bun scripts/plugin-reference.ts` from src/plugin-host/types.ts, src/plugin-host/public.ts, src/core/events.ts, src/core/filters.ts and the database schema. Do not edit it by hand: a test fails when it differs from the code. The step-by-step guide is [plugins.md](plugins.md).',
    '## Contents\n\n- [The `turno/plugin` module](#the-turnoplugin-module)\n- [Types of the contract](#types-of-the-contract)\n- [Events (`api.on`)](#events-apion)\n- [Before-hooks (`api.before`)](#before-hooks-apibefore)\n- [Data types](#data-types)',
    '## The `turno/plugin` module',
    `${publicExports(p.source(FILES.publicModule))}\n- and every type below (\`import type { Message } from 'turno/plugin'\`).`,
    '## Types of the contract',
    ...contractSections(types),
    '## Events (`api.on`)',
    `Durable events: written to the event log in the transaction of the change and delivered to each plugin at least once, in commit order, with \`ctx.eventId\` (see \`EventContext\`). A handler has 5 s by default; after 5 failures in a row the plugin is disabled. ${durable.length} events:`,
    durable.map((name) => `[\`${name}\`](#${name.replace(/\./g, '')})`).join(', '),
    ...namedPayloads(p, events, 'TurnoEvents', durable),
    `In-memory only, not delivered to plugins: ${allEvents.filter((name) => !durable.includes(name)).map((name) => `\`${name}\``).join(', ')}.`,
    '## Before-hooks (`api.before`)',
    'Run synchronously inside the transaction of the change: return a changed value to modify it, call `api.veto(reason)` to refuse it (HTTP 422 with the reason); any other error is logged and the change goes on.',
    ...namedPayloads(p, p.source(FILES.filters), 'TurnoFilters', null),
    '## Data types',
    'The payload types above, one level deep (timestamps are milliseconds since the epoch; ids are strings).',
    ...DATA_TYPES.map(([name, file]) => `### \`${name}\`\n\n${table(expandedRows(p, name, file, docs))}`),
    `### \`Actor\`\n\n\`\`\`ts\ntype Actor = ${(declarationOf(p.source(FILES.coreTypes), 'Actor') as ts.TypeAliasDeclaration).type.getText(p.source(FILES.coreTypes)).replace(/^\|\s*/, '')};\n\`\`\``,
  ].filter(Boolean).join('\n\n') + '\n';
}

if (import.meta.main) {
  writeFileSync(REFERENCE_FILE, renderPluginReference());
  console.log(`wrote ${REFERENCE_FILE}`);
}
