import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { exercise } from './exercise.js';
test('one', async () => {
  for (const f of (process.env.FILES ?? '').split(',')) {
    const o = await exercise(readFileSync(f, 'utf8'), { thorough: true });
    console.log(f, o.verdict, o.stage, o.message?.slice(0, 1500));
  }
});
