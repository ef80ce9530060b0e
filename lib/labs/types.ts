import type { FindingId } from '@/lib/diagnosis/checks';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import type { LabKit } from './kit';

/** One thing the learner types to fix the situation, ready to copy. */
export interface LabFixStep {
  label: string;
  command: string;
}

/**
 * What a lab's setup really created, in this run's own numbers: the address to diagnose, the clues and the
 * explanation quoting them, and the fix in copyable commands.
 */
export interface LabSituation {
  /** What the learner diagnoses, exactly as typed into the doctor. */
  target: string;
  intent: Intent;
  port: number;
  /** Hints, most general first, each built from this run's facts. */
  hints: string[];
  /** Shown after the right answer: why, with this run's addresses, pids and files. */
  explanation: string;
  fix: LabFixStep[];
  /**
   * The address the check probes when the learner names none. A lab whose fix is "open the right address"
   * (https:// instead of http://) lets the learner send the address they now use.
   */
  acceptsTarget?: (candidate: string) => boolean;
  /**
   * Whether the diagnosis now shows the situation fixed. Default: the taught finding is gone and the target
   * answers HTTP (http-ok).
   */
  solved?: (diagnosis: Diagnosis) => boolean;
}

export interface Lab {
  id: string;
  title: string;
  /** The situation as a teammate would tell it. */
  story: string;
  /** One line for the list. */
  brief: string;
  teaches: FindingId;
  /** Plausible wrong causes, offered beside `teaches` (3–4). */
  distractors: FindingId[];
  /** Runs inside a network namespace of its own (firewall rules, 0.0.0.0): root and `ip netns` only. */
  needsRoot: boolean;
  /** Creates the broken situation for real with processes started through the kit (which owns them). */
  setup(kit: LabKit): Promise<LabSituation>;
}
