#!/usr/bin/env node
// Writes schemas/openapi.json from the built 'smp-protocol/http' entry (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../dist/http.js';

writeFileSync(new URL('../schemas/openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log('wrote schemas/openapi.json');
