/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Nothing to gain from advertising the framework on a tool that reads the host.
  poweredByHeader: false,
  // Security headers (CSP, X-Content-Type-Options, …) are set per request in proxy.ts, not here.
};

module.exports = nextConfig;
