/**
 * The app keys its rate limit on the socket's peer (a uid), so every request of a test file is one client.
 * Files that send thousands of requests start the app with room for them; rate-limit.test.ts keeps the
 * defaults and tests them.
 */
export const HIGH_LIMITS = 'burst=1000000,perSecond=1000000,probesPerClient=24';
