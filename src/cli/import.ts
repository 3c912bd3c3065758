/** `rnnc import`: an ONNX model of recurrent nodes as an .rnn source and its weights. */
import { importOnnx } from '../api/import.js';
import { UserError } from '../diagnostics.js';
import { readBytes, writeOutput } from './load.js';

export interface ImportFlags {
  out?: string;
  weights?: string;
}

export function importCommand(file: string, flags: ImportFlags, out: (text: string) => void): void {
  if (!flags.out) throw new UserError('name the .rnn source to write with -o model.rnn');
  const weights = flags.weights ?? `${flags.out.replace(/\.rnn$/, '')}.safetensors`;
  if (weights === flags.out) throw new UserError('--weights names the same file as -o');
  const result = importOnnx(readBytes(file), { file });
  writeOutput(flags.out, result.source);
  writeOutput(weights, result.weights);
  out(
    [
      `wrote ${flags.out} (model ${result.model}) and ${weights} (${Object.keys(result.params).length} params)`,
      ...result.notes.map((n) => `note: ${n}`),
      `run it: rnnc run ${flags.out} --params ${weights}`,
    ].join('\n'),
  );
}
