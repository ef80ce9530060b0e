import { setOption } from './args';
import { hostPort } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

// With setproctitle installed gunicorn renames itself: "gunicorn: master [app:app]".
const TITLE = /^gunicorn: (?:master|worker) \[([^\]]*)\]/;

const locate = (cmd: CommandLine) => findProgram(cmd.argv, (w) => programName(w) === 'gunicorn');

export const gunicorn: Stack = {
  id: 'gunicorn',
  name: 'gunicorn',
  addressOptions: ['-b', '--bind'],
  matches(cmd) {
    const title = cmd.line.match(TITLE);
    if (title) return { id: this.id, name: this.name, confidence: 'medium', evidence: [title[0]] };
    const i = locate(cmd);
    return i < 0 ? null : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!] };
  },
  rebind(cmd, to) {
    const bind = hostPort(to.host, to.port);
    const notes = [
      'A --bind on the command line overrides bind in gunicorn.conf.py and GUNICORN_CMD_ARGS; given twice, gunicorn listens on both.',
    ];
    const title = cmd.line.match(TITLE);
    if (title) {
      const app = title[1] || '<module>:<app>';
      return rebindWith(
        this,
        cmd,
        [alternative('Start gunicorn on the new address', ['gunicorn', app, '--bind', bind])],
        [
          `gunicorn renamed its process ("${title[0]}"), so its own command line cannot be read; this is the usual form.`,
          ...notes,
        ],
      );
    }
    const argv = setOption(cmd.argv, ['-b', '--bind'], bind, { from: locate(cmd) + 1, preferred: '--bind' });
    return rebindWith(this, cmd, [sameCommand(cmd, argv)], notes);
  },
};
