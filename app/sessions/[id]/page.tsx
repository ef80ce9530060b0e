import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionTimeline } from '@/components/sessions/SessionTimeline';
import { sessionIdParam } from '@/lib/sessions/schemas';

// Spelled out rather than the generated PageProps helper, so `tsc` passes before the first `next build`.
interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { id } = await props.params;
  return { title: `Session ${id.slice(0, 6)}` };
}

export default async function SessionPage(props: Props) {
  const { id } = await props.params;
  if (!sessionIdParam.safeParse(id).success) notFound();
  return <SessionTimeline id={id} />;
}
