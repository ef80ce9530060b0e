import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { Intent } from '@/lib/diagnosis/types';
import { Wizard } from '@/components/wizard/Wizard';
import { openedFromAnotherSite } from '@/lib/security/foreign-navigation';

// Spelled out rather than the generated PageProps helper, so `tsc` passes before the first `next build`.
interface Props {
  params: Promise<{ target: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The URL segment is the target, URL-encoded; a malformed escape is kept as typed for the engine to explain. */
function decodeTarget(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { target } = await props.params;
  return { title: decodeTarget(target) };
}

export default async function DiagnosePage(props: Props) {
  const { target } = await props.params;
  const { intent } = await props.searchParams;
  const wanted: Intent = intent === 'start' ? 'start' : 'reach';
  const input = decodeTarget(target);
  const confirmFirst = openedFromAnotherSite(await headers());
  // Keyed by target: moving to another address starts a fresh wizard (live log, OS choice, pause).
  return <Wizard key={`${input}|${wanted}`} input={input} intent={wanted} confirmFirst={confirmFirst} />;
}
