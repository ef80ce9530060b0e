import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Localhost Doctor', template: '%s · Localhost Doctor' },
  description: 'Why can’t I reach 127.0.0.1:62893? Real facts from this machine, and what to type to fix it.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafaf9' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP in proxy.ts carries a fresh nonce that Next.js must put on its
  // scripts, which a prerendered (static) page cannot have. The pages show live host facts anyway.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader />
        <Providers>
          <main id="content" className="mx-auto w-full max-w-4xl px-4 pb-16 pt-6 sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
