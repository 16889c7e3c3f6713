#!/usr/bin/env node
// @ts-check
// Writes the bench's Firebase config (firebase.bench.json beside firebase.json, so its relative paths resolve):
// the project's config plus the bench-only no-op codebase, and the project's rules plus the bench collection.
// The real firebase.json stays as it is, so `firebase deploy`, `npm start` and `npm test` never see the bench.
import { readFileSync, writeFileSync } from 'node:fs';

const BENCH_CONFIG = 'firebase.bench.json';
const BENCH_RULES = 'bench/firestore.bench.rules';

const config = JSON.parse(readFileSync('firebase.json', 'utf8'));
config.functions = [
  ...config.functions,
  { source: 'bench/noop-functions', codebase: 'bench-noop', runtime: config.functions[0].runtime, ignore: ['node_modules'] },
];
config.firestore = { ...config.firestore, rules: BENCH_RULES };
writeFileSync(BENCH_CONFIG, `${JSON.stringify(config, null, 2)}\n`);

// The bench collection's rules go inside `match /databases/{database}/documents { … }`, before its closing brace.
const rules = readFileSync('firestore.rules', 'utf8').trimEnd();
const documentsEnd = rules.lastIndexOf('}', rules.length - 2);
const benchMatch = `  // Bench only (bench/firebase-config.mjs): the no-op baseline's collection.
    match /benchNoop/{id} {
      allow create: if request.auth != null && request.resource.data.uid == request.auth.uid;
      allow read: if request.auth != null;
    }
  `;
writeFileSync(BENCH_RULES, `${rules.slice(0, documentsEnd)}${benchMatch}${rules.slice(documentsEnd)}\n`);
