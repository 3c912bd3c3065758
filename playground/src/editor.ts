/**
 * The source editor: CodeMirror 6 with the language highlighted by the lexer's own token list
 * (src/editor/highlight.ts) and the compiler's diagnostics shown inline, with their help lines.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, StreamLanguage, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { type Tag, tags } from '@lezer/highlight';
import type { DiagnosticData } from '../../src/diagnostics.js';
import { type HighlightKind, type LineState, nextToken } from '../../src/editor/highlight.js';

/**
 * Each kind of token's highlighting tag. The stream language's style names are prefixed so that
 * none is read as one of CodeMirror's legacy names (`builtin`, `comment`), which take precedence.
 */
const tagOfKind: Record<Exclude<HighlightKind, 'space'>, Tag> = {
  docComment: tags.docComment,
  comment: tags.comment,
  keyword: tags.keyword,
  builtin: tags.standard(tags.function(tags.variableName)),
  name: tags.variableName,
  primed: tags.special(tags.variableName),
  number: tags.number,
  operator: tags.operator,
  bracket: tags.bracket,
  punctuation: tags.punctuation,
  invalid: tags.invalid,
};
const tokenTable = Object.fromEntries(Object.entries(tagOfKind).map(([kind, tag]) => [`rnn_${kind}`, tag]));

export const rnnLanguage = StreamLanguage.define<LineState>({
  name: 'rnnc',
  startState: () => ({ inComment: false }),
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    const token = nextToken(stream.string, stream.pos, state);
    stream.pos = token.end;
    return token.kind === 'space' ? null : `rnn_${token.kind}`;
  },
  tokenTable,
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

const style = HighlightStyle.define([
  { tag: tags.docComment, color: '#3a7d44', fontStyle: 'italic' },
  { tag: tags.comment, color: '#7a7a7a', fontStyle: 'italic' },
  { tag: tags.keyword, color: '#7b2fa8', fontWeight: 'bold' },
  { tag: tags.standard(tags.function(tags.variableName)), color: '#1f5fa8' },
  { tag: tags.special(tags.variableName), color: '#b35c00' },
  { tag: tags.number, color: '#a31515' },
  { tag: tags.operator, color: '#444' },
  { tag: tags.invalid, color: '#fff', backgroundColor: '#d33' },
]);

/** A diagnostic's span (1-based lines and columns, end inclusive) as offsets into the document. */
export function diagnosticRange(doc: EditorState['doc'], d: DiagnosticData): { from: number; to: number } {
  const clampLine = (n: number) => Math.min(Math.max(n, 1), doc.lines);
  const at = (line: number, column: number) => {
    const l = doc.line(clampLine(line));
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
  };
  const from = at(d.span.line, d.span.column);
  const to = Math.max(at(d.span.endLine, d.span.endColumn + 1), from);
  return { from, to };
}

export function showDiagnostics(view: EditorView, diagnostics: readonly DiagnosticData[]): void {
  const doc = view.state.doc;
  const items: Diagnostic[] = diagnostics.map((d) => ({
    ...diagnosticRange(doc, d),
    severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info',
    message: d.help ? `${d.message}\nhelp: ${d.help}` : d.message,
    source: 'rnnc',
  }));
  view.dispatch(setDiagnostics(view.state, items));
}

export function createEditor(parent: HTMLElement, text: string, onChange: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        bracketMatching(),
        lintGutter(),
        rnnLanguage,
        syntaxHighlighting(style),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
        EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: 'ui-monospace, monospace' } }),
      ],
    }),
  });
}

/** Replaces the whole text (an example chosen, a link loaded). */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
