// A bench child for the diagnosis bench: opens a fresh HTTP listener on 127.0.0.1 each time the parent
// asks (so every diagnosis must see a listener that did not exist a moment before), and closes the old one.
import http from 'node:http';

let current = null;

process.on('message', (message) => {
  const previous = current;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>bench</title></head><body>ok</body></html>');
  });
  server.listen(0, '127.0.0.1', () => {
    current = server;
    previous?.close();
    previous?.closeAllConnections();
    process.send({ id: message.id, port: server.address().port });
  });
});
process.send({ ready: true });
