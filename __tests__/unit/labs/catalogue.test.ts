import { CHECKS } from '@/lib/diagnosis/checks';
import { LABS } from '@/lib/labs/catalogue';
import { choicesFor } from '@/lib/labs/choices';
import { LESSON_LABS } from '@/lib/labs/lesson-labs';
import { LESSONS } from '@/lib/learn/lessons';

const KNOWN_IDS = new Set(CHECKS.flatMap((c) => Object.keys(c.ids)));

describe('the lab catalogue', () => {
  test('ids are unique, and at least 8 labs run without root, each teaching a different cause', () => {
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
    const plain = LABS.filter((l) => !l.needsRoot);
    expect(plain.length).toBeGreaterThanOrEqual(8);
    expect(new Set(plain.map((l) => l.teaches)).size).toBe(plain.length);
  });

  test.each(LABS.map((l) => [l.id, l] as const))(
    '%s teaches a finding the engine has, offered among 3–4 plausible distractors',
    (_id, lab) => {
      expect(KNOWN_IDS.has(lab.teaches)).toBe(true);
      expect(lab.distractors.length).toBeGreaterThanOrEqual(3);
      expect(lab.distractors.length).toBeLessThanOrEqual(4);
      expect(lab.distractors).not.toContain(lab.teaches);
      for (const d of lab.distractors) expect(KNOWN_IDS.has(d)).toBe(true);
      const choices = choicesFor(lab);
      expect(choices.map((c) => c.findingId).sort()).toEqual([lab.teaches, ...lab.distractors].sort());
      // Every choice is worded for a learner, not shown as a bare id.
      for (const c of choices) expect(c.label).not.toBe(c.findingId);
    },
  );

  test('the labs that need a namespace of their own are the firewall and 0.0.0.0 labs', () => {
    expect(LABS.filter((l) => l.needsRoot).map((l) => l.id)).toEqual([
      'firewall-drop',
      'firewall-reject',
      'exposed-dev-server',
    ]);
  });
});

describe('lesson → lab links', () => {
  test('every lesson links to at least one lab, and every lab is linked from a lesson', () => {
    for (const lesson of LESSONS) expect(LESSON_LABS[lesson.slug]?.length ?? 0).toBeGreaterThan(0);
    const linked = Object.values(LESSON_LABS).flat();
    expect(new Set(linked.map((l) => l.id))).toEqual(new Set(LABS.map((l) => l.id)));
  });

  test('each link names the lab by its own title', () => {
    for (const link of Object.values(LESSON_LABS).flat())
      expect(link.title).toBe(LABS.find((l) => l.id === link.id)?.title);
  });
});
