import 'server-only';
import { NextResponse } from 'next/server';
import { Registry } from 'prom-client';

/** The Prometheus text format's media type (version 0.0.4), as Prometheus and promtool expect it. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export async function metricsResponse(registries: Registry[]): Promise<NextResponse> {
  const text = await Registry.merge(registries).metrics();
  return new NextResponse(text, {
    status: 200,
    headers: { 'Content-Type': EXPOSITION_CONTENT_TYPE, 'Cache-Control': 'no-store' },
  });
}
