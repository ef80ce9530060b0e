import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { PortNow } from '../live';

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
          {
            platform: 'linux',
            label: 'See the status line and headers',
            command: `curl -sS -o /dev/null -D - http://${hp}/`,
          },
          {
            platform: 'darwin',
            label: 'See the status line and headers',
            command: `curl -sS -o /dev/null -D - http://${hp}/`,
          },
          {
            platform: 'win32',
            label: 'See the status line and headers',
            command: `curl.exe -sS -o NUL -D - http://${hp}/`,
          },
          {
            platform: 'linux',
            label: 'Try TLS (accepting a self-signed certificate)',
            command: `curl -vk https://${hp}/`,
          },
          {
            platform: 'darwin',
            label: 'Try TLS (accepting a self-signed certificate)',
            command: `curl -vk https://${hp}/`,
          },
          {
            platform: 'win32',
            label: 'Try TLS (accepting a self-signed certificate)',
            command: `curl.exe -vk https://${hp}/`,
          },
        ]}
      />
    </Lesson>
  );
}
