// Prints listListeners({ port }) as JSON: lets a test run the adapter as another (unprivileged) user.
import { listListeners } from '@/lib/host/listeners';

listListeners({ port: Number(process.argv[2]), protocols: ['tcp'] }).then((table) =>
  console.log(JSON.stringify(table)),
);
