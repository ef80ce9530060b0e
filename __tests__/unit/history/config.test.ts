import { recorderConfigFrom } from '@/lib/history/config';

describe('recorder settings from the environment', () => {
  test('on, every 2 s, unless told otherwise', () => {
    expect(recorderConfigFrom({})).toEqual({ config: { enabled: true, sampleMs: 2000 }, warnings: [] });
  });

  test('HISTORY=off turns recording off; HISTORY_SAMPLE_MS sets the interval', () => {
    expect(recorderConfigFrom({ HISTORY: 'off', HISTORY_SAMPLE_MS: '250' }).config).toEqual({
      enabled: false,
      sampleMs: 250,
    });
  });

  test('an unusable interval falls back to 2 s and says why', () => {
    for (const bad of ['1e3', '50', 'fast', '-5']) {
      const { config, warnings } = recorderConfigFrom({ HISTORY_SAMPLE_MS: bad });
      expect(config.sampleMs).toBe(2000);
      expect(warnings[0]).toContain(`HISTORY_SAMPLE_MS="${bad}"`);
    }
  });
});
