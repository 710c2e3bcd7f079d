import { run } from './main.js'

// The bundle is CommonJS (scripts/package.mjs): no top-level await. run() never rejects.
void run()
