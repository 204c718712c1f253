#!/usr/bin/env node
// The `landfall` command. Runs the TypeScript sources directly through tsx: no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
