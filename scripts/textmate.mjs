// Writes editors/rnnc.tmLanguage.json from the lexer's token list (src/editor/textmate.ts).
import { writeFileSync } from 'node:fs';
import { textMateGrammarText } from '../dist/src/editor/textmate.js';

const path = new URL('../editors/rnnc.tmLanguage.json', import.meta.url);
writeFileSync(path, textMateGrammarText());
console.log(`wrote ${path.pathname}`);
