import { createServer } from 'node:http'

// The start-up baseline: the smallest server the same launcher can start.
createServer((_req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
