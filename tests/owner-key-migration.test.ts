/**
 * One rule for "the same owner" (importers/text.ts's ownerKey): owners stored under the app's
 * old key are re-keyed once when the database opens (db/owner-keys.ts), and owners that become
 * the same owner are merged with every link and spelling kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { findOrCreateOwner } from '~/models/owner.server';
import { openDatabase } from '../db/client';
import { ownerKey } from '../importers/text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-key-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The owner key the app stored before: lower case, single spaces, no trailing dot. */
const oldKey = (name: string) => name.toLocaleLowerCase('bg').replace(/\s+/g, ' ').replace(/\.+$/, '').trim();

it('re-keys stored owners by ownerKey and merges owners that become one, keeping activity links, user links and aliases', () => {
  const file = path.join(dir, 'old.db');
  openDatabase(file).$client.close();
  // The database as the old rule left it: three spellings of one directorate were three owners.
  const sqlite = new Database(file);
  sqlite.exec(`
    insert into organizations (id, name, created_at) values (1, 'О', 0), (2, 'Друга', 0);
    insert into plans (id, organization_id, title, created_at) values (1, 1, 'П', 0);
    insert into areas (id, plan_id, code, title, position) values (1, 1, '1', 'О', 0);
    insert into measures (id, area_id, plan_id, code, title, position) values (1, 1, 1, '1.1', 'М', 0);
    insert into activities (id, plan_id, measure_id, code, title, position, created_at) values
      (1, 1, 1, '1.1.1', 'А', 0, 0), (2, 1, 1, '1.1.2', 'Б', 1, 0), (3, 1, 1, '1.1.3', 'В', 2, 0);
    insert into users (id, email, name, password_hash, role, created_at) values
      (1, 'a@x.bg', 'А', 'x', 'head', 0), (2, 'b@x.bg', 'Б', 'x', 'head', 0), (3, 'c@x.bg', 'В', 'x', 'head', 0);
  `);
  const owner = sqlite.prepare('insert into owners (id, organization_id, name, normalized_name, created_at) values (?, ?, ?, ?, 0)');
  const names: [number, number, string][] = [
    [1, 1, 'Дирекция „АПОФУС“'],
    [2, 1, 'дирекция AПОФУС.'], // a Latin A
    [3, 1, 'Дирекция "АПОФУС"'],
    [4, 1, 'Главен секретар'],
    [5, 2, 'дирекция АПОФУС'], // another organization's: stays apart
  ];
  for (const [id, org, name] of names) owner.run(id, org, name, oldKey(name));
  sqlite.exec(`
    insert into owner_aliases (owner_id, alias, normalized_alias) values (2, 'Отдел АПОФУС', 'отдел апофус'), (3, 'дирекция «АПОФУС»', 'дирекция «апофус»');
    insert into activity_owners (activity_id, owner_id, position) values (1, 1, 2), (1, 2, 0), (2, 2, 1), (3, 3, 0), (3, 4, 1);
    insert into user_owners (user_id, owner_id) values (1, 1), (2, 2), (3, 1), (3, 3);
    pragma user_version = 0;
  `);
  expect(new Set(names.slice(0, 3).map(([, , name]) => oldKey(name))).size).toBe(3);
  sqlite.close();

  const db = openDatabase(file);
  const all = <T>(query: string) => db.$client.prepare(query).all() as T[];
  expect(all('select id, organization_id as org, normalized_name as key from owners order by id')).toEqual([
    { id: 1, org: 1, key: 'дирекция апофус' },
    { id: 4, org: 1, key: 'главен секретар' },
    { id: 5, org: 2, key: 'дирекция апофус' },
  ]);
  expect(all('select activity_id as activity, owner_id as owner, position from activity_owners order by activity_id, owner_id')).toEqual([
    { activity: 1, owner: 1, position: 0 },
    { activity: 2, owner: 1, position: 1 },
    { activity: 3, owner: 1, position: 0 },
    { activity: 3, owner: 4, position: 1 },
  ]);
  expect(all('select user_id as user, owner_id as owner from user_owners order by user_id, owner_id')).toEqual([
    { user: 1, owner: 1 },
    { user: 2, owner: 1 },
    { user: 3, owner: 1 },
  ]);
  // Spellings of the same key match by the key itself; another name is kept as an alias, under the new key.
  expect(all('select owner_id as owner, alias, normalized_alias as key from owner_aliases')).toEqual([{ owner: 1, alias: 'Отдел АПОФУС', key: 'отдел апофус' }]);
  expect(all(`select entity_id as id, action, user_id as userId from audit_events where entity = 'owner' order by id`)).toEqual([
    { id: 1, action: 'merge', userId: null },
    { id: 1, action: 'merge', userId: null },
  ]);
  expect(db.$client.pragma('user_version', { simple: true })).toBe(1);

  // Every spelling now finds the one owner.
  for (const name of ['дирекция АПОФУС', 'ДИРЕКЦИЯ «АПОФУС»', 'дирекция AПОФУС.', 'отдел „АПОФУС“']) expect(findOrCreateOwner(db, 1, name)).toBe(1);
  expect(ownerKey('Дирекция „АПОФУС“')).toBe('дирекция апофус');
  db.$client.close();
});

it('re-keys once: a database already on ownerKey is left as it is', () => {
  const file = path.join(dir, 'new.db');
  const db = openDatabase(file);
  db.$client.exec(`insert into organizations (id, name, created_at) values (1, 'О', 0);
    insert into owners (organization_id, name, normalized_name, created_at) values (1, 'Отдел', 'stored as is', 0);`);
  db.$client.close();
  const again = openDatabase(file);
  expect(again.$client.prepare('select normalized_name as key from owners').get()).toEqual({ key: 'stored as is' });
  again.$client.close();
});
