// Stand-in for the 'server-only' guard under Jest (see jest.config.js).
