import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('applies defaults', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u@localhost/db' });
    expect(c.PORT).toBe(3000);
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
    expect(c.SESSION_ABSOLUTE_HOURS).toBe(12);
  });

  it('names a missing DATABASE_URL in one sentence', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/^Configuration error: DATABASE_URL is required/);
  });

  it('names a bad value and shows it, but never the database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://u@h/d', PORT: 'eighty' })).toThrow(
      'Configuration error: PORT must be a port number from 0 to 65535 (got "eighty").',
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://secret@h/d' })).toThrow(
      'Configuration error: DATABASE_URL must be a postgresql:// connection string.',
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://secret@h/d' })).not.toThrow(/secret/);
  });
});
