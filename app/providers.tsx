'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '@/components/data/api';

let browserQueryClient: QueryClient | undefined;

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx is an answer (bad input, refused target): asking again cannot change it. Network hiccups and
        // 5xx get two more tries; 429 is retried by the polling itself at its own pace.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        // Polling stops while the tab is hidden (refetchIntervalInBackground is false by default).
        refetchIntervalInBackground: false,
      },
    },
  });
}

function getQueryClient(): QueryClient {
  // One client per server render, one for the browser's lifetime (the TanStack + App Router pattern).
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
