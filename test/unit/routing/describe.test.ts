import { expect, test } from 'bun:test';
import { translator } from '../../../views/i18n';
import { describeAssignment } from '../../../views/routing/describe';

const candidates = [
  { userId: 'a', name: 'Ana', availability: 'online', open: 2, capacity: 5 },
  { userId: 'b', name: 'Bea', availability: 'offline', open: 0, capacity: 5 },
];

test('round-robin explanation names the team, winner and her load', () => {
  const d = { mode: 'round_robin', teamName: 'Support', why: 'next_in_rotation', winnerName: 'Ana', winnerOpen: 2, winnerCapacity: 5, candidates };
  expect(describeAssignment(d, translator('en'))).toBe('Round-robin in Support: Ana had 2 open of 5, next in rotation.');
  expect(describeAssignment(d, translator('es'))).toBe('Rotación en Support: Ana tenía 2 abiertas de 5 y le tocaba.');
});

test('queued and rule explanations', () => {
  expect(describeAssignment({ mode: 'balanced', teamName: 'Billing', queue: 'team', candidates }, translator('en')))
    .toBe('Waiting in the Billing queue: nobody can take it now (Ana 2/5, Bea offline).');
  expect(describeAssignment({ mode: 'rule', rules: [{ index: 3, name: 'Facturas', reasons: ["keyword 'factura'"] }] }, translator('en')))
    .toBe("Rule 3 “Facturas” matched (keyword 'factura').");
  expect(describeAssignment({ mode: 'offline_timeout', agentName: 'Ana', offlineMinutes: 12 }, translator('pt-BR')))
    .toBe('Devolvida à fila: Ana ficou offline por 12 min.');
});
