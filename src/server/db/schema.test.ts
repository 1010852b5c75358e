import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../../test/support/postgres.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// schema.ts (the Kysely `Schema` type) is written by hand beside the migrations; this test fails when the two
// disagree on a table, a column, its nullability or its coarse type. Types vanish at run time and TypeScript 7 has
// no stable compiler API in JavaScript, so the test reads schema.ts's own small dialect: interfaces of columns,
// `|` unions, `ColumnType<Select, Insert, Update>` (the select type is what a row holds) and the aliases the file
// declares (Int8, Nullable<T>, …). Anything else fails loudly, so a new way of writing a column cannot slip by.

type Kind = 'text' | 'number' | 'blob' | 'boolean' | 'json';
interface Column {
  readonly kind: Kind;
  readonly nullable: boolean;
}
type Tables = Map<string, Map<string, Column>>;

const SCHEMA_FILE = join(import.meta.dirname, 'schema.ts');

/** Splits at top-level separators (not inside <…>, (…), {…} or quotes). */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if ('<({['.includes(c)) depth++;
    else if ('>)}]'.includes(c)) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

interface Alias {
  readonly params: readonly string[];
  readonly body: string;
}

/** The kinds a type expression can hold, `null` among them. */
function kindsOf(expression: string, aliases: ReadonlyMap<string, Alias>, where: string): Set<Kind | 'null'> {
  const kinds = new Set<Kind | 'null'>();
  for (const part of splitTop(expression, '|')) {
    const generic = /^(\w+)\s*<(.*)>$/s.exec(part);
    const name = generic ? generic[1]! : part;
    const args = generic ? splitTop(generic[2]!, ',') : [];
    if (part === 'null') kinds.add('null');
    else if (part === 'string' || /^'[^']*'$/.test(part)) kinds.add('text');
    else if (part === 'number') kinds.add('number');
    else if (part === 'boolean') kinds.add('boolean');
    else if (part === 'Uint8Array' || part === 'Buffer') kinds.add('blob');
    else if (name === 'ColumnType' && args.length >= 1) for (const k of kindsOf(args[0]!, aliases, where)) kinds.add(k);
    else if (aliases.has(name)) {
      const alias = aliases.get(name)!;
      if (alias.params.length !== args.length)
        throw new Error(`${where}: ${part} does not give ${name} its ${alias.params.length} type arguments`);
      const body = alias.params.reduce((text, param, i) => text.replace(new RegExp(`\\b${param}\\b`, 'g'), `(${args[i]})`), alias.body);
      for (const k of kindsOf(body.replace(/\(([^()]*)\)/g, '$1'), aliases, where)) kinds.add(k);
    } else throw new Error(`${where}: the schema test cannot read the type "${part}"; teach kindsOf in schema.test.ts`);
  }
  return kinds;
}

function columnOf(expression: string, aliases: ReadonlyMap<string, Alias>, where: string): Column {
  const kinds = kindsOf(expression, aliases, where);
  const nullable = kinds.delete('null');
  // PostgreSQL hands bigint back as a string, so Int8 reads `number | string`: a number all the same.
  if (kinds.size === 2 && kinds.has('number') && kinds.has('text')) kinds.delete('text');
  if (kinds.size !== 1) throw new Error(`${where}: "${expression}" is not one kind of value (${[...kinds].join(', ')})`);
  return { kind: [...kinds][0] as Kind, nullable };
}

/** The tables and columns schema.ts declares, read from its source text. */
function declaredTables(source: string): Tables {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const aliases = new Map<string, Alias>();
  for (const m of text.matchAll(/(?:export\s+)?type\s+(\w+)\s*(?:<([^=]*)>)?\s*=\s*([^;]+);/g)) {
    aliases.set(m[1]!, { params: m[2] ? splitTop(m[2], ',') : [], body: m[3]!.trim() });
  }
  const interfaces = new Map<string, Map<string, string>>();
  for (const m of text.matchAll(/interface\s+(\w+)\s*\{([^}]*)\}/g)) {
    const members = new Map<string, string>();
    for (const member of m[2]!.matchAll(/(\w+)\s*\??\s*:\s*([^;]+);/g)) members.set(member[1]!, member[2]!.trim());
    interfaces.set(m[1]!, members);
  }
  const schema = interfaces.get('Schema');
  if (!schema) throw new Error('schema.ts has no interface Schema');
  const tables: Tables = new Map();
  for (const [table, interfaceName] of schema) {
    const members = interfaces.get(interfaceName);
    if (!members) throw new Error(`Schema.${table}: interface ${interfaceName} is not declared in schema.ts`);
    tables.set(table, new Map([...members].map(([column, type]) => [column, columnOf(type, aliases, `${table}.${column}`)])));
  }
  return tables;
}

/** SQLite's declared types and PostgreSQL's type names, coarsely. */
function kindOfDatabaseType(dataType: string): Kind | undefined {
  const t = dataType.toLowerCase();
  if (/^(int|bigint|smallint|serial|bigserial|float|double|real|numeric|decimal)/.test(t) || t.includes('int')) return 'number';
  if (/^(text|varchar|character|char|bpchar|clob|uuid|citext)/.test(t)) return 'text';
  if (t === 'blob' || t === 'bytea') return 'blob';
  if (t.startsWith('bool')) return 'boolean';
  if (t === 'json' || t === 'jsonb') return 'json';
  return undefined;
}

/**
 * The migrated tables; on PostgreSQL only those of `pgSchema` (other tests' schemas share the database). Left out:
 * each dialect's full-text index over forum posts (SQLite's FTS5 virtual table and its shadow tables, PostgreSQL's
 * generated tsvector column), which only raw SQL in the forums' search reaches and schema.ts rightly does not type.
 */
async function migratedTables(database: Database, pgSchema?: string): Promise<Tables> {
  const virtual =
    database.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like 'create virtual table%'`.execute(
            database.db,
          )
        ).rows.map((r) => r.name)
      : [];
  const tables: Tables = new Map();
  for (const table of await database.db.introspection.getTables()) {
    if (pgSchema !== undefined && table.schema !== pgSchema) continue;
    if (virtual.some((name) => table.name === name || table.name.startsWith(`${name}_`))) continue;
    // SQLite lets a non-integer PRIMARY KEY hold NULL (a compatibility quirk it documents); the app never writes one
    // and PostgreSQL refuses it, so a key column counts as not null.
    const keys =
      database.dialect === 'sqlite'
        ? new Set(
            (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table.name})`.execute(database.db)).rows
              .filter((r) => r.pk > 0)
              .map((r) => r.name),
          )
        : new Set<string>();
    const columns = table.columns.filter((c) => c.dataType !== 'tsvector');
    tables.set(
      table.name,
      new Map(
        columns.map((c) => [
          c.name,
          { kind: kindOfDatabaseType(c.dataType) ?? (`unknown type ${c.dataType}` as Kind), nullable: c.isNullable && !keys.has(c.name) },
        ]),
      ),
    );
  }
  return tables;
}

const describeColumn = (c: Column) => `${c.kind}${c.nullable ? ', nullable' : ', not null'}`;

/** Every disagreement, as a sentence; none when schema.ts describes the migrated database. */
function differences(declared: Tables, migrated: Tables): string[] {
  const found: string[] = [];
  for (const table of new Set([...declared.keys(), ...migrated.keys()])) {
    const ours = declared.get(table);
    const theirs = migrated.get(table);
    if (!ours) found.push(`table ${table} is migrated but missing from schema.ts`);
    else if (!theirs) found.push(`table ${table} is in schema.ts but no migration creates it`);
    if (!ours || !theirs) continue;
    for (const column of new Set([...ours.keys(), ...theirs.keys()])) {
      const a = ours.get(column);
      const b = theirs.get(column);
      if (!a) found.push(`${table}.${column} is migrated but missing from schema.ts`);
      else if (!b) found.push(`${table}.${column} is in schema.ts but not in the database`);
      else if (a.kind !== b.kind || a.nullable !== b.nullable)
        found.push(`${table}.${column}: schema.ts says ${describeColumn(a)}, the database ${describeColumn(b)}`);
    }
  }
  return found.sort();
}

const declared = () => declaredTables(readFileSync(SCHEMA_FILE, 'utf8'));

describe('db/schema.ts against the migrated database', () => {
  describe('SQLite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-schema-'));
    let database: Database;
    beforeAll(async () => {
      database = openDatabase({ dataDir: dir });
      await migrateToLatest(database);
    });
    afterAll(async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('declares every table and column the migrations create, with their nullability and kind', async () => {
      expect(differences(declared(), await migratedTables(database))).toEqual([]);
    });

    it('notices a real difference (a column made nullable, one missing, one invented, a kind changed)', async () => {
      const source = readFileSync(SCHEMA_FILE, 'utf8')
        .replace(/(interface VaultAccountsTable \{[^}]*?)username: string;/, '$1username: string | null;')
        .replace(/(interface VaultSessionsTable \{[^}]*?)\s+csrf_token: string;/, '$1')
        .replace(/(interface ServiceMetaTable \{)/, '$1\n  invented: Int8;')
        .replace(/(interface VaultItemsTable \{[^}]*?account_id: )string;/, '$1Uint8Array;');
      expect(differences(declaredTables(source), await migratedTables(database))).toEqual([
        'service_meta.invented is in schema.ts but not in the database',
        'vault_accounts.username: schema.ts says text, nullable, the database text, not null',
        'vault_items.account_id: schema.ts says blob, not null, the database text, not null',
        'vault_sessions.csrf_token is migrated but missing from schema.ts',
      ]);
    });

    it('refuses a column type it cannot read rather than passing it', () => {
      const source = readFileSync(SCHEMA_FILE, 'utf8').replace(/(interface ServiceMetaTable \{)/, '$1\n  odd: Date;');
      expect(() => declaredTables(source)).toThrow(/service_meta\.odd: the schema test cannot read the type "Date"/);
    });
  });

  describe('PostgreSQL', async () => {
    const run = await postgresAvailable();
    it.runIf(run)('declares every table and column the migrations create, with their nullability and kind', async () => {
      const { schema, drop } = await createTestSchema();
      const database = openDatabase({ dataDir: '/nonexistent', databaseUrl: TEST_DATABASE_URL, pgSchema: schema });
      try {
        await migrateToLatest(database);
        expect(differences(declared(), await migratedTables(database, schema))).toEqual([]);
      } finally {
        await database.close();
        await drop();
      }
    });
  });
});
