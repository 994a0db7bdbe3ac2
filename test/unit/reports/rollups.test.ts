/**
 * Report rollups: the triggers mark a conversation dirty inside the changing transaction (a
 * rollback leaves no mark), reports refresh what is marked, and `rebuild` from the raw timeline
 * gives exactly the rows the incremental path kept.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { enqueueJob } from '../../../src/core/jobs';
import { sendMessage } from '../../../src/core/messages';
import { REPORTS_REFRESH_JOB } from '../../../src/core/reports/install';
import { rebuildReportRollups, refreshReportRollups } from '../../../src/core/reports/rollups';
import { transaction } from '../../../src/db/client';
import { seedReportHistory } from '../../helpers/report-fixtures';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
const q = <T>(sql: string) => t.app.core.db.$client.query<T, []>(sql).all();
const dirty = () => q<{ conversation_id: string }>('SELECT conversation_id FROM report_dirty').map((r) => r.conversation_id);
const snapshot = () => ({
  points: q('SELECT conversation_id, kind, at, ms, business_ms, agent_id, team_id, value, channel_id, cur_team_id, cur_assignee_id FROM report_points ORDER BY conversation_id, at, kind'),
  hours: q('SELECT * FROM report_message_hours ORDER BY conversation_id, hour, direction, sender_type, sender_id'),
  conversations: q('SELECT * FROM report_conversations ORDER BY conversation_id'),
});

beforeAll(async () => {
  t = await createTestApp();
  await seedReportHistory(t.app.core, t.clock);
});
afterAll(async () => t.close());

test('the four dirty-marking triggers exist after all migrations (a drizzle-kit table rebuild would drop them)', () => {
  const names = q<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_dirty_%' ORDER BY name").map((r) => r.name);
  expect(names).toEqual(['report_dirty_conversation_insert', 'report_dirty_conversation_update', 'report_dirty_event_insert', 'report_dirty_message_insert']);
});

test('a change marks its conversation in the same transaction; a rollback leaves no mark', async () => {
  refreshReportRollups(t.app.core);
  expect(dirty()).toEqual([]);
  const [conversation] = q<{ id: string; assignee_id: string }>('SELECT id, assignee_id FROM conversations WHERE assignee_id IS NOT NULL LIMIT 1');
  const user = t.app.core.db.$client.query<Record<string, unknown>, [string]>('SELECT * FROM users WHERE id = ?').get(conversation!.assignee_id)!;
  expect(() => transaction(t.app.core.db, () => {
    sendMessage(t.app.core, conversation!.id, { type: 'user', user: user as never }, { content: 'hola', private: true });
    throw new Error('rolled back');
  })).toThrow('rolled back');
  expect(dirty()).toEqual([]);
  sendMessage(t.app.core, conversation!.id, { type: 'user', user: user as never }, { content: 'nota', private: true });
  expect(dirty()).toEqual([conversation!.id]);
  expect(refreshReportRollups(t.app.core)).toBe(1);
  expect(dirty()).toEqual([]);
});

test('rebuilding from the raw timeline gives the rows the incremental path kept', () => {
  refreshReportRollups(t.app.core);
  const incremental = snapshot();
  expect(incremental.points.length).toBeGreaterThan(10);
  t.app.core.db.$client.run('DELETE FROM report_points; DELETE FROM report_message_hours; DELETE FROM report_conversations;');
  expect(rebuildReportRollups(t.app.core)).toBe(4);
  expect(snapshot()).toEqual(incremental);
});

test('a backlog is worked off in slices by the reports.refresh job', async () => {
  t.app.core.db.$client.run('INSERT OR IGNORE INTO report_dirty (conversation_id) SELECT id FROM conversations');
  expect(refreshReportRollups(t.app.core, 3)).toBe(3);
  expect(dirty()).toHaveLength(1);
  enqueueJob(t.app.core, REPORTS_REFRESH_JOB, {});
  await t.app.jobs.runDue();
  expect(dirty()).toEqual([]);
});
