/** The shipped examples and data the playground carries: `examples['adding.rnn']`, `examples['data/sums.jsonl']`. */
declare module 'virtual:examples' {
  export const examples: Readonly<Record<string, string>>;
}
