import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/contract';
import { domainOf, staleAfter } from './domains';

const methods = Object.keys(contract) as MethodName[];

describe('the method → domain map', () => {
  it('gives every method of the contract a domain', () => {
    expect(methods.filter((m) => domainOf(m) === undefined)).toEqual([]);
  });

  it('a write refreshes the reads of its own domain (a restore aside, below)', () => {
    const writes = methods.filter((m) => contract[m].kind === 'write' && m !== 'backups.restore');
    for (const write of writes) {
      const own = methods.filter((m) => domainOf(m) === domainOf(write));
      expect(own.filter((read) => !staleAfter(write, read))).toEqual([]);
    }
  });

  it('a stay or an arrival refreshes the rooms, rounds and reports that show it', () => {
    for (const read of ['rooms.board', 'rooms.page', 'rounds.sheet', 'reports.daily']) {
      expect(staleAfter('stays.extend', read)).toBe(true);
      expect(staleAfter('arrivals.register', read)).toBe(true);
    }
  });

  it('a stock movement leaves the rooms and residents alone, but every write stales the audit', () => {
    expect(staleAfter('stock.receive', 'rooms.board')).toBe(false);
    expect(staleAfter('stock.receive', 'residents.page')).toBe(false);
    expect(staleAfter('stock.receive', 'stock.onHand')).toBe(true);
    expect(staleAfter('stock.receive', 'audit.page')).toBe(true);
  });

  it('the home screen refreshes after any write of what it shows (rooms, people, health, roster, stock)', () => {
    const shown = ['registry', 'residents', 'health', 'roster', 'stock'];
    const writes = methods.filter(
      (m) => contract[m].kind === 'write' && shown.includes(domainOf(m) ?? ''),
    );
    expect(writes).toContain('readings.record');
    expect(writes.filter((w) => !staleAfter(w, 'today.overview'))).toEqual([]);
    expect(staleAfter('users.create', 'today.overview')).toBe(false);
  });

  it('changing settings refreshes every screen; signing out refreshes the session', () => {
    for (const read of methods.filter((m) => contract[m].kind === 'read')) {
      expect(staleAfter('settings.setLanguage', read)).toBe(true);
    }
    expect(staleAfter('auth.logout', 'auth.status')).toBe(true);
    expect(staleAfter('auth.logout', 'rooms.board')).toBe(false);
  });

  it('a restore refreshes nothing: every session is gone and the window reloads', () => {
    expect(methods.filter((read) => staleAfter('backups.restore', read))).toEqual([]);
  });
});
