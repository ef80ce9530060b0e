import { testFixes, whoListensFixes } from '@/lib/diagnosis/commands';
import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { TryLabs } from '@/components/labs/TryLabs';

export function ToolsLesson({ values }: { values: LearnValues }) {
  const hp = `localhost:${values.port}`;
  return (
    <Lesson
      slug="tools"
      tryTarget={hp}
      live={
        <>
          <p>
            The commands below are filled in with port {values.port}; switch the OS at the top of the page to
            see the equivalents.
          </p>
          {values.listeners.status === 'ok' ? (
            <p>
              Localhost Doctor read this machine’s listeners from <C>{values.listeners.value.source}</C> — the
              same data{' '}
              {values.platform === 'win32' ? (
                <C>netstat -ano</C>
              ) : values.platform === 'darwin' ? (
                <C>lsof</C>
              ) : (
                <C>ss -ltnp</C>
              )}{' '}
              shows.
            </p>
          ) : null}
        </>
      }
    >
      <ul className="grid list-disc gap-1 pl-5">
        <li>
          <C>ss</C> (Linux), <C>lsof</C> (macOS, Linux) and <C>netstat</C> / <C>Get-NetTCPConnection</C>{' '}
          (Windows) list sockets and which process owns each. Other users’ processes need <C>sudo</C> (or an
          administrator shell).
        </li>
        <li>
          <C>curl -v</C> makes an HTTP request and prints every step: the address it tried, the connection,
          what was sent and what came back.
        </li>
        <li>
          <C>nc -vz</C> only checks that a port accepts connections; <C>telnet</C> opens a raw connection you
          can type into; <C>Test-NetConnection</C> is the PowerShell equivalent.
        </li>
      </ul>
      <CommandList
        fixes={[...whoListensFixes(values.port), ...testFixes(`http://${hp}/`, 'localhost', values.port)]}
      />
      <TryLabs lesson="tools" />
    </Lesson>
  );
}
