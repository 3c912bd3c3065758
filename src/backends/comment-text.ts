/**
 * Text from the source (equations, labels, names) in comments of emitted code. A `//` comment
 * ends at a line break, and each target language has its own set of them: JavaScript's are LF,
 * CR, U+2028 and U+2029; WGSL's also VT, FF and NEL (U+000B, U+000C, U+0085). A break the
 * escaping missed would end the comment and make the rest of the text code, so every one of
 * them becomes a space in both, as do other control characters; text that reorders how a line
 * is displayed (bidirectional overrides) is written out as its code point, so a reviewer sees
 * the code as the compiler does; and `*​/` cannot close a block comment.
 */
const lineBreaks = /[\n\u000b\u000c\r\u0085\u2028\u2029]/g;
const controls = /[\u0000-\u001f\u007f-\u009f]/g;
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function commentText(text: string): string {
  return text
    .replace(lineBreaks, ' ')
    .replace(controls, ' ')
    .replace(bidiControls, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/\*\//g, '* /');
}

/** Source text made safe inside a TypeScript or JavaScript comment. */
export function tsComment(text: string): string {
  return commentText(text);
}

/** Source text made safe inside a WGSL comment. */
export function wgslComment(text: string): string {
  return commentText(text);
}
