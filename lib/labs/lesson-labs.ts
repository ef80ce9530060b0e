/**
 * Which labs let a learner meet each lesson's concept for real. Plain data (no server code), because the
 * lessons also render in the browser; a unit test holds every id and title to the catalogue.
 */
export const LESSON_LABS: Readonly<Record<string, readonly { id: string; title: string }[]>> = {
  loopback: [
    { id: 'ipv6-only', title: '::1 is not 127.0.0.1' },
    { id: 'wrong-loopback', title: '127.0.0.2 is not 127.0.0.1' },
  ],
  ports: [{ id: 'crashed-service', title: 'The service that crashed' }],
  'port-ranges': [{ id: 'moving-port', title: 'The port that moved' }],
  'bind-addresses': [{ id: 'exposed-dev-server', title: 'A dev server open to the network' }],
  firewalls: [
    { id: 'firewall-drop', title: 'A firewall that drops' },
    { id: 'firewall-reject', title: 'A firewall that rejects' },
  ],
  'port-conflicts': [{ id: 'port-conflict', title: 'Address already in use' }],
  tools: [{ id: 'stuck-service', title: 'Connected, and then nothing' }],
  http: [
    { id: 'tls-as-http', title: 'http:// to an HTTPS server' },
    { id: 'broken-app', title: 'HTTP 500 from the app' },
  ],
};
