import { MIGRATIONS, statementsOf } from '@/lib/store/migrations';

test('a migration step splits into its statements, each one complete', () => {
  expect(statementsOf('CREATE TABLE a (x INTEGER);\n  CREATE INDEX a_x ON a (x);\n')).toEqual([
    'CREATE TABLE a (x INTEGER)',
    'CREATE INDEX a_x ON a (x)',
  ]);
  expect(statementsOf('ALTER TABLE a ADD COLUMN y TEXT')).toEqual(['ALTER TABLE a ADD COLUMN y TEXT']);
  for (const step of MIGRATIONS)
    for (const s of statementsOf(step)) expect(s).toMatch(/^(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/);
});
