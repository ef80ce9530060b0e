import { unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const SPRING = /spring-boot|org\.springframework\.boot|JarLauncher|PropertiesLauncher/;
const PROPERTY = /^(--|-D)server\.(port|address)=/;

const locate = (cmd: CommandLine) => findProgram(cmd.argv, (w) => programName(w) === 'java');

/** Sets server.port/server.address where the user set them (-D… or --…), else as Spring's own arguments. */
function setProperty(argv: string[], key: 'port' | 'address', value: string) {
  let found = false;
  const out = argv.map((w) => {
    const m = w.match(/^(--|-D)server\.(port|address)=/);
    if (!m || m[2] !== key) return w;
    found = true;
    return `${m[1]}server.${key}=${value}`;
  });
  return found ? out : [...out, `--server.${key}=${value}`];
}

export const springBoot: Stack = {
  id: 'spring-boot',
  name: 'Spring Boot',
  addressOptions: ['--server.port', '--server.address', '-Dserver.port', '-Dserver.address'],
  matches(cmd) {
    const i = locate(cmd);
    if (i < 0) return null;
    const words = cmd.argv.slice(i + 1);
    const spring = words.find((w) => SPRING.test(w));
    if (spring) return { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!, spring] };
    const prop = words.find((w) => PROPERTY.test(w));
    return prop
      ? { id: this.id, name: this.name, confidence: 'medium', evidence: [cmd.argv[i]!, prop] }
      : null;
  },
  rebind(cmd, to) {
    const host = unbracket(to.host);
    const argv = setProperty(setProperty([...cmd.argv], 'address', host), 'port', String(to.port));
    const args = `--server.address=${host} --server.port=${to.port}`;
    const maven = cmd.argv.some((w) => /[/\\]\.m2[/\\]|target[/\\]classes/.test(w));
    const gradle = cmd.argv.some((w) => /[/\\]\.gradle[/\\]|build[/\\]classes/.test(w));
    const commands = [sameCommand(cmd, argv)];
    if (maven)
      commands.push(
        alternative(
          'Or through Maven',
          ['./mvnw', 'spring-boot:run', `-Dspring-boot.run.arguments=${args}`],
          {},
          cmd.cwd,
        ),
      );
    if (gradle)
      commands.push(
        alternative('Or through Gradle', ['./gradlew', 'bootRun', `--args=${args}`], {}, cmd.cwd),
      );
    return rebindWith(this, cmd, commands, [
      "Arguments after the jar or main class are Spring Boot's own; SERVER_PORT and SERVER_ADDRESS in the environment work too, and the command line wins over application.properties.",
    ]);
  },
};
