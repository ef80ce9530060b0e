/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Nothing to gain from advertising the framework on a tool that reads the host.
  poweredByHeader: false,

  // SECURITY HEADERS: the lead adds them here (issue 4), e.g.
  //   async headers() { return [{ source: '/:path*', headers: [/* CSP, X-Content-Type-Options, … */] }]; },
  // The UI needs no inline scripts of its own, no eval and no third-party origins: only 'self'.
};

module.exports = nextConfig;
