import { dataDirFor } from '@/lib/store/data-dir';
import { retentionConfigFrom } from '@/lib/store/retention-config';

describe('dataDirFor: where the history lives on each OS', () => {
  it('uses DATA_DIR when it is set, on every OS', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        dataDirFor(
          { DATA_DIR: '/srv/ld', XDG_DATA_HOME: '/x', LOCALAPPDATA: 'C:\\L' },
          platform,
          '/home/ann',
        ),
      ).toBe('/srv/ld');
    }
  });

  it('on Linux: $XDG_DATA_HOME/localhost-doctor, else ~/.local/share/localhost-doctor', () => {
    expect(dataDirFor({ XDG_DATA_HOME: '/data/ann' }, 'linux', '/home/ann')).toBe(
      '/data/ann/localhost-doctor',
    );
    expect(dataDirFor({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/localhost-doctor');
    expect(dataDirFor({ DATA_DIR: '  ', XDG_DATA_HOME: '' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/localhost-doctor',
    );
  });

  it('on Linux ignores a relative XDG_DATA_HOME, as the XDG spec requires', () => {
    expect(dataDirFor({ XDG_DATA_HOME: 'data' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/localhost-doctor',
    );
  });

  it('on macOS: ~/Library/Application Support/localhost-doctor (XDG_DATA_HOME is not a macOS convention)', () => {
    expect(dataDirFor({ XDG_DATA_HOME: '/x' }, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/localhost-doctor',
    );
  });

  it('on Windows: %LOCALAPPDATA%\\localhost-doctor, else <home>\\AppData\\Local\\localhost-doctor', () => {
    expect(dataDirFor({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Local\\localhost-doctor',
    );
    expect(dataDirFor({}, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Local\\localhost-doctor',
    );
  });
});

describe('retentionConfigFrom: HISTORY_DAYS and HISTORY_MAX_MB', () => {
  it('defaults to 30 days and 200 MiB', () => {
    expect(retentionConfigFrom({})).toEqual({
      config: { days: 30, maxBytes: 200 * 1024 * 1024 },
      warnings: [],
    });
  });

  it('takes positive numbers (fractions too)', () => {
    expect(retentionConfigFrom({ HISTORY_DAYS: '7', HISTORY_MAX_MB: '0.5' }).config).toEqual({
      days: 7,
      maxBytes: 512 * 1024,
    });
  });

  it('falls back to the default for unusable values and says which', () => {
    const { config, warnings } = retentionConfigFrom({ HISTORY_DAYS: 'forever', HISTORY_MAX_MB: '-1' });
    expect(config).toEqual({ days: 30, maxBytes: 200 * 1024 * 1024 });
    expect(warnings).toEqual([
      'HISTORY_DAYS="forever" is not a positive number; using 30',
      'HISTORY_MAX_MB="-1" is not a positive number; using 200',
    ]);
  });
});
