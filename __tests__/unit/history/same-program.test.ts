import { sameProgramApartFromPort } from '@/lib/history/same-program';

const cwd = '/home/dev/shop';

describe('the same program, apart from the port', () => {
  test('the very same command line and directory on another port (5173 was taken, it took 5174)', () => {
    const line = 'node /home/dev/shop/node_modules/.bin/vite';
    expect(
      sameProgramApartFromPort({ command: line, cwd, port: 5173 }, { command: line, cwd, port: 5174 }),
    ).toBe(true);
  });

  test('a command that differs only in the port number', () => {
    expect(
      sameProgramApartFromPort(
        { command: 'python3 manage.py runserver 127.0.0.1:8000', cwd, port: 8000 },
        { command: 'python3 manage.py runserver 127.0.0.1:8001', cwd, port: 8001 },
      ),
    ).toBe(true);
    expect(
      sameProgramApartFromPort(
        { command: 'node server.js --port=3000', cwd, port: 3000 },
        { command: 'node server.js --port=3001', cwd, port: 3001 },
      ),
    ).toBe(true);
  });

  test('another directory is another project, even with the same command', () => {
    expect(
      sameProgramApartFromPort(
        { command: 'npm run dev', cwd, port: 3000 },
        { command: 'npm run dev', cwd: '/home/dev/blog', port: 3001 },
      ),
    ).toBe(false);
  });

  test('a number that only contains the port is not the port', () => {
    expect(
      sameProgramApartFromPort(
        { command: 'node app.js --workers 30001', cwd, port: 3000 },
        { command: 'node app.js --workers 30011', cwd, port: 3001 },
      ),
    ).toBe(false);
  });

  test('other arguments, or the same port, are not a move', () => {
    expect(
      sameProgramApartFromPort(
        { command: 'node a.js', cwd, port: 3000 },
        { command: 'node b.js', cwd, port: 3001 },
      ),
    ).toBe(false);
    expect(
      sameProgramApartFromPort(
        { command: 'node a.js', cwd, port: 3000 },
        { command: 'node a.js', cwd, port: 3000 },
      ),
    ).toBe(false);
  });
});
