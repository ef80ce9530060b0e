import { shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { PortNow } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

export function HttpLesson({ values }: { values: LearnValues }) {
  const hp = `localhost:${values.port}`;
  return (
    <Lesson slug="http" tryTarget={hp} live={<PortNow values={values} />}>
      <p>Once a connection is accepted, the program behind it answers — or doesn’t — in its own protocol.</p>
      <ul className="grid list-disc gap-1 pl-5">
        <li>
          <strong>HTTP status codes:</strong> <C>2xx</C> it worked; <C>3xx</C> go elsewhere (the{' '}
          <C>Location</C> header says where); <C>4xx</C> the server is fine but refuses this request (
          <C>404</C> wrong path, <C>401</C>/<C>403</C> not allowed); <C>5xx</C> the server itself failed — its
          terminal shows why.
        </li>
        <li>
          <strong>TLS vs plain HTTP:</strong> <C>https://</C> to a server that speaks plain HTTP fails in the
          handshake (<C>wrong version number</C>, <C>ERR_SSL_PROTOCOL_ERROR</C>); <C>http://</C> to a TLS
          server gets an error page, garbage or a closed connection. Use the scheme the server speaks.
        </li>
        <li>
          <strong>Not HTTP at all:</strong> SSH (22), PostgreSQL (5432), MySQL (3306) and Redis (6379) speak
          their own protocols. A browser can’t talk to them; use their clients (<C>ssh</C>, <C>psql</C>,{' '}
          <C>redis-cli</C>).
        </li>
      </ul>
      <CommandList
        fixes={[
          shellFix(
            'linux',
            'See the status line and headers',
            cmd('curl', '-sS', '-o', '/dev/null', '-D', '-', `http://${hp}/`),
          ),
          shellFix(
            'darwin',
            'See the status line and headers',
            cmd('curl', '-sS', '-o', '/dev/null', '-D', '-', `http://${hp}/`),
          ),
          shellFix(
            'win32',
            'See the status line and headers',
            cmd('curl.exe', '-sS', '-o', 'NUL', '-D', '-', `http://${hp}/`),
          ),
          shellFix(
            'linux',
            'Try TLS (accepting a self-signed certificate)',
            cmd('curl', '-vk', `https://${hp}/`),
          ),
          shellFix(
            'darwin',
            'Try TLS (accepting a self-signed certificate)',
            cmd('curl', '-vk', `https://${hp}/`),
          ),
          shellFix(
            'win32',
            'Try TLS (accepting a self-signed certificate)',
            cmd('curl.exe', '-vk', `https://${hp}/`),
          ),
        ]}
      />
      <TryLabs lesson="http" />
    </Lesson>
  );
}
