import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data/pglite on port 3000', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'pglite', dir: './data/pglite' });
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.demoData).toBe(true);
    expect(c.startBack).toBe(true);
    expect(c.checkInDelayHours).toBe(48);
  });

  it('uses PostgreSQL when DATABASE_URL is set and keeps PGlite in memory for PGLITE_DIR=memory', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h:5432/db',
      poolSize: 20,
    });
    expect(loadConfig({ PGLITE_DIR: 'memory' }).database).toEqual({ kind: 'pglite', dir: 'memory' });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' })).toThrowError(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('DEMO_DATA');
    }
  });
});
