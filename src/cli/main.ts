/**
 * The rnnc command line. User mistakes end with a message and exit status 1
 * (2 for bad command-line usage), never a stack trace; only a bug in rnnc
 * itself prints one.
 */
import { Command, CommanderError, Option } from 'commander';
import { check, withGradErrors } from '../api/program.js';
import { SourceError, UserError } from '../diagnostics.js';
import { collect, loadProgram, parseSizes, readText, SourceErrors, shown } from './load.js';
import { passNames } from '../passes/pipeline.js';
import type { GraphFlags } from './graph.js';
import type { RunFlags } from './run.js';
import type { GradFlags } from './grad.js';
import type { GradcheckFlags } from './gradcheck.js';
import type { AnalyzeFlags } from './analyze.js';
import type { CompileFlags } from './compile.js';
import type { ExportFlags } from './export.js';
import type { ImportFlags } from './import.js';
import type { TrainFlags } from './train.js';
import type { SampleFlags } from './sample.js';
import type { CompareFlags } from './compare.js';

// Each command's module is imported when the command runs: `rnnc check` loads the front end alone,
// not the backends, the training loop or the TypeScript compiler.

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Rewrites a status line in place (a terminal's stderr); absent where output is a file or a pipe. */
  status?(text: string): void;
  /** Registers what Ctrl-C does while a command runs; returns a function that removes it. */
  onInterrupt?(handler: () => void): () => void;
}

/** The default Ctrl-C hook: SIGINT on this process. */
function processInterrupt(handler: () => void): () => void {
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

const sizeOption = () =>
  new Option('--size <NAME=N>', 'set a size of the model, e.g. --size H=64 (repeatable)')
    .argParser(collect)
    .default([]);

/** How the WGSL target turns phases into dispatches (see the README). */
function scheduleOption(): Option {
  return new Option(
    '--schedule <schedule>',
    'WGSL: steps (a dispatch per phase and step), persistent (one dispatch per call), hybrid (one per time loop), auto',
  )
    .choices(['auto', 'steps', 'persistent', 'hybrid'])
    .default('auto');
}

/** The options that say what a computation runs on (`rnnc run`, `rnnc grad --values`), each help line after `note`. */
function valueOptions(command: Command, note: string): Command {
  return command
    .option('--input <file>', `${note}JSON object of inputs (and targets), time-major [T][B][…]; random when omitted`)
    .option(
      '--params <file>',
      `${note}params by name (see \`rnnc check\`): a JSON object of nested arrays, or .safetensors; initializers when omitted`,
    )
    .option(
      '--torch-weights <file>',
      `${note}a PyTorch nn.RNN/LSTM/GRU state dict (weight_ih_l0, …): .safetensors, or JSON (optionally under "params" with h0/c0)`,
    )
    .option(
      '--keras-weights <file>',
      `${note}JSON of Keras/TF.js LSTM or GRU weights: kernel, recurrent_kernel, bias (or <layer>/kernel, …)`,
    )
    .option('--initial-states <file>', `${note}JSON object of initial states by name, e.g. {"h": [[…]]} [B][H]`)
    .option('--seed <n>', `${note}seed for initializers and random inputs`, '0')
    .addOption(
      new Option('--dtype <dtype>', `${note}precision of the interpreter`).choices(['f64', 'f32']).default('f64'),
    )
    .option('--batch-major', `${note}inputs and outputs are [B][T][…] instead of [T][B][…]`)
    .addOption(
      new Option(
        '--lengths <AXIS=n,n,…>',
        `${note}each sample's number of steps along a time axis, e.g. --lengths T=5,3,1 (repeatable); batch-major --input rows of different lengths give them too`,
      )
        .argParser(collect)
        .default([]),
    )
    .option(
      '--mode <mode>',
      `${note}train: draw dropout's and zoneout's masks (from --mask-seed); eval: draw none (dropout passes values through)`,
      'eval',
    )
    .option('--mask-seed <n>', `${note}seed of the masks in train mode, a whole number below 2^24`, '0')
    .option('--steps <n>', `${note}sequence length of random inputs (or per axis: S=6,U=4)`, '5')
    .option('--batch <n>', `${note}batch size of random inputs`, '2');
}

export function buildProgram(io: Io): Command {
  const program = new Command('rnnc')
    .description(
      'A compiler for recurrent neural networks: cells and models in a small language, run, differentiated and compiled.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('check')
    .description('parse and check a file; list its cells and models with their params and shapes')
    .argument('<file>', 'an .rnn source file')
    .addOption(sizeOption())
    .addHelpText('after', '\nExample:\n  rnnc check examples/lstm.rnn')
    .action((file: string, flags: { size: string[] }) => {
      const result = check(readText(file), { file, sizes: parseSizes(flags.size) });
      shown(result, file, io.err);
      io.out(result.listing);
      io.out(`\n${file}: ok`);
    });

  program
    .command('graph')
    .description('print the graph IR of a model (its cell runs inside a scan node)')
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'dot', 'json']).default('text'))
    .option('--unroll <steps>', 'flatten every scan over this many steps (for display and analysis)')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc graph examples/lstm.rnn\n  rnnc graph examples/gru.rnn --format dot --unroll 3 -o gru.dot && dot -Tsvg gru.dot -o gru.svg',
    )
    .action(async (file: string, flags: GraphFlags) => {
      const { graphCommand } = await import('./graph.js');
      graphCommand(loadProgram(file, io.err), flags, io.out);
    });

  const run = program
    .command('run')
    .description('run a model in the reference interpreter and print its outputs, final states and loss')
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .option('--save-torch-weights <file>', 'also write the params as a PyTorch state dict in safetensors')
    .option('--out <file>', 'also write outputs, final states and loss as JSON')
    .option('--json', 'print the results as JSON')
    .addOption(sizeOption());
  valueOptions(run, '')
    .addOption(
      new Option(
        '--target <target>',
        'interp: the reference interpreter; wgsl: the WGSL kernels on WebGPU (a GPU, else SwiftShader), in f32',
      )
        .choices(['interp', 'wgsl'])
        .default('interp'),
    )
    .addOption(
      new Option('-O, --opt-level <level>', 'optimization level of the WGSL kernels')
        .choices(['0', '1', '2'])
        .default('2'),
    )
    .addOption(scheduleOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc run examples/lstm.rnn --input examples/data/lstm-input.json\n  rnnc run examples/tagger.rnn --steps 6 --batch 3 --seed 1 --out result.json\n  rnnc run examples/lstm.rnn --target wgsl --steps 20',
    )
    .action(async (file: string, flags: RunFlags) => {
      const { runCommand } = await import('./run.js');
      await runCommand(loadProgram(file, io.err), flags, io.out);
    });

  const grad = program
    .command('grad')
    .description('print the gradient graph of a model (BPTT as a reverse scan) and what it saves per step')
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'dot']).default('text'))
    .option('--truncate <k>', 'truncated BPTT: carry gradients back at most k steps (-1: all)')
    .option('--remat', 'recompute each step in the backward pass instead of saving its values')
    .option('--clip-norm <n>', 'clip the param gradients to this global norm')
    .option('--clip-value <v>', 'clip each param gradient entry to [-v, v]')
    .addOption(sizeOption())
    .option(
      '-o, --out <file>',
      'write the graph to a file (the saved-values report still prints); with --values or --json, the gradients as JSON',
    )
    .option('--values', "print the interpreter's gradients (every param, input and initial state) instead of the graph")
    .option('--json', 'print the gradients as JSON (implies --values)');
  valueOptions(grad, '--values: ')
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc grad examples/lstm.rnn\n  rnnc grad examples/tagger.rnn --remat --truncate 20 --format dot -o tagger-grad.dot\n  rnnc grad examples/lstm.rnn --values --input examples/data/lstm-input.json\n  rnnc grad examples/gru.rnn --json --seed 1 -o gru-grads.json',
    )
    .action(async (file: string, flags: GradFlags) => {
      const { gradCommand } = await import('./grad.js');
      const program = loadProgram(file, io.err);
      await withGradErrors(program, () => gradCommand(program, flags, io.out));
    });

  program
    .command('gradcheck')
    .description('check symbolic gradients against finite differences in f64; exits 1 above the tolerance')
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .option('--steps <n>', 'sequence length (or per time axis: S=6,U=4)', '5')
    .option('--batch <n>', 'batch size', '2')
    .option('--seed <n>', 'seed for params, data and directions', '0')
    .option('--tolerance <x>', 'largest relative error accepted', '1e-6')
    .option('--coordinates <n>', 'coordinates checked one by one per param (all when fewer)', '8')
    .option('--remat', 'check the rematerializing backward pass')
    .option(
      '--declared-states',
      'start every state from its declared value instead of a random one (for counters and clocks); their gradients go unchecked',
    )
    .addOption(sizeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc gradcheck examples/lstm.rnn\n  rnnc gradcheck examples/seq2seq.rnn --steps S=6,U=4 --batch 3 --seed 2',
    )
    .action(async (file: string, flags: GradcheckFlags) => {
      const { gradcheckCommand } = await import('./gradcheck.js');
      const program = loadProgram(file, io.err);
      const passed = withGradErrors(program, () => gradcheckCommand(program, flags, io.out));
      if (!passed) throw new CheckFailed();
    });

  program
    .command('analyze')
    .description('analyze models; --gradient-flow: the norm of dL/dh_t over t for a loss at the last step')
    .argument('<files...>', 'one or more .rnn files, drawn side by side')
    .option('--gradient-flow', 'how far back the gradient of a loss at the last step reaches')
    .option('--steps <n>', 'sequence length', '50')
    .option('--batch <n>', 'batch size', '4')
    .option('--seed <n>', 'seed for params and data', '0')
    .option('--plot <file>', 'also draw the curves as an SVG line chart')
    .addHelpText(
      'after',
      '\nExample:\n  rnnc analyze examples/elman.rnn examples/lstm.rnn examples/gru.rnn --gradient-flow --steps 60 --plot flow.svg',
    )
    .action(async (files: string[], flags: AnalyzeFlags) => {
      const { analyzeCommand } = await import('./analyze.js');
      const programs = files.map((f) => loadProgram(f, io.err));
      withGradErrors(programs[0], () => analyzeCommand(programs, flags, io.out));
    });

  const compile = program
    .command('compile')
    .description(
      'compile a model into one standalone TypeScript module (init, forward and grad, no imports), or WGSL kernels and a WebGPU host',
    )
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .addOption(
      new Option(
        '--target <target>',
        'ts: one TypeScript module; js: the same as JavaScript with a .d.ts beside it; wgsl: .wgsl kernels and a host module for WebGPU (-o names a folder)',
      )
        .choices(['ts', 'js', 'wgsl'])
        .default('ts'),
    )
    .addOption(
      new Option('--host <language>', 'WGSL: write the host module as TypeScript, or as JavaScript with a .d.ts')
        .choices(['ts', 'js'])
        .default('ts'),
    )
    .addOption(
      new Option('-O, --opt-level <level>', 'optimization level: 0 none, 1 cleanups, 2 everything')
        .choices(['0', '1', '2'])
        .default('2'),
    )
    .addOption(new Option('--dtype <dtype>', 'precision of the generated code').choices(['f32', 'f64']).default('f32'))
    .addOption(
      new Option(
        '--cpu <kernels>',
        'simd: GEMMs as WebAssembly SIMD kernels embedded in the module (f32; scalar where WebAssembly SIMD is unavailable); scalar: JavaScript loops only',
      )
        .choices(['simd', 'scalar'])
        .default('simd'),
    )
    .option('-o, --out <file>', 'write the module to a file (--target wgsl: a folder) instead of standard output')
    .addOption(scheduleOption())
    .option('--workgroup-size <n>', 'WGSL: threads per workgroup of the kernels that give each element a thread', '64')
    .option('--persistent-size <n>', 'WGSL: threads of the one workgroup that runs a persistent kernel', '64')
    .option(
      '--tile <rows>x<samples>',
      'WGSL: rows of W and samples each thread of a GEMM computes in a persistent kernel (and everywhere with --no-quads)',
      '8x8',
    )
    .option(
      '--quad-tile <rows>x<samples>',
      'WGSL: the same for the GEMMs dispatched across workgroups, whose quads of threads share the rows of W they load',
      '32x4',
    )
    .option('--no-quads', 'WGSL: GEMMs dispatched across workgroups do not share loads within quads of threads')
    .option(
      '--no-fused-gates',
      'WGSL: a time loop’s recurrent product stores its sums and the gates after it run on their own (two dispatches a step of an LSTM or GRU instead of one)',
    )
    .option(
      '--workgroup-storage <bytes>',
      'WGSL: workgroup memory a persistent kernel may fill with the weights its time loops read',
      '16384',
    )
    .option(
      '--emit-wat [file]',
      'write the WebAssembly kernels in the text format to a file (without one: to standard output, instead of the module)',
    )
    .option('--explain', 'say what each optimization pass changed')
    .option('--truncate <k>', 'truncated BPTT in grad: carry gradients back at most k steps')
    .option('--remat', 'recompute each step in grad instead of saving its values')
    .option('--batch-major', 'the module takes and gives sequences as [B][T][…] instead of [T][B][…]')
    .addOption(
      new Option(
        '--lengths <axis>',
        "a time axis whose batches may hold sequences of different lengths: the module's functions take each sample's steps (repeatable)",
      )
        .argParser(collect)
        .default([]),
    )
    .addOption(sizeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc compile examples/lstm.rnn -O2 -o lstm.ts\n  rnnc compile examples/lstm.rnn --target js -o lstm.js\n  rnnc compile examples/lstm.rnn -o lstm.ts --emit-wat lstm.wat\n  rnnc compile examples/tagger.rnn --dtype f64 --explain --no-hoist -o tagger.ts\n  rnnc compile examples/lstm.rnn --target wgsl -o lstm-wgsl/\n  rnnc compile examples/tagger.rnn --lengths T -o tagger.ts',
    );
  for (const pass of passNames()) compile.option(`--no-${pass}`, `turn the ${pass} pass off`);
  compile.option('--no-elementwise-fusion', 'emit one loop per elementwise op instead of one per chain');
  compile.option('--no-buffer-planning', 'give every value its own buffer instead of reusing dead ones');
  compile.action(async (file: string, flags: CompileFlags) => {
    const { compileCommand } = await import('./compile.js');
    compileCommand(loadProgram(file, io.err), flags, io.out);
  });

  program
    .command('export')
    .description('write a model as an ONNX file (opset 17) for ONNX Runtime and other ONNX tools')
    .argument('<file>', 'an .rnn source file')
    .option('--model <name>', 'which model (or cell) of the file; needed when it defines several')
    .option('-o, --out <file>', 'the .onnx file to write')
    .option(
      '--checkpoint <path>',
      'params from an rnnc train run folder (its checkpoint, model and sizes) or checkpoint file',
    )
    .option(
      '--params <file>',
      'params by name (see `rnnc check`): a JSON object of nested arrays, or .safetensors; initializers when omitted',
    )
    .option(
      '--torch-weights <file>',
      'a PyTorch nn.RNN/LSTM/GRU state dict (weight_ih_l0, …): .safetensors, or JSON (optionally under "params")',
    )
    .option('--keras-weights <file>', 'JSON of Keras/TF.js LSTM or GRU weights: kernel, recurrent_kernel, bias')
    .option('--seed <n>', 'seed of the initializers of params not loaded', '0')
    .addOption(new Option('--dtype <dtype>', 'element type of the model').choices(['f32', 'f64']).default('f32'))
    .option('--keep-loss', 'keep the targets as inputs and the loss as an output')
    .option('--scan-only', 'write every recurrent layer as an ONNX Scan, even one that is an ONNX LSTM, GRU or RNN')
    .option(
      '--state-inputs',
      'read each state that starts from its declared value from an input <layer>.<state>.initial, to carry states between calls',
    )
    .addOption(sizeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc export examples/lstm.rnn -o lstm.onnx\n  rnnc export examples/seq2seq.rnn --checkpoint runs/seq2seq -o seq2seq.onnx\n  rnnc export examples/mgu.rnn --model CharMGU --scan-only -o mgu.onnx',
    )
    .action(async (file: string, flags: ExportFlags) => {
      const { exportCommand } = await import('./export.js');
      exportCommand(loadProgram(file, io.err), flags, io.out);
    });

  program
    .command('import')
    .description(
      'write an ONNX model of LSTM, GRU and RNN nodes (and the glue around them) as an .rnn source and weights',
    )
    .argument('<file>', 'an .onnx file')
    .option('-o, --out <file>', 'the .rnn source to write')
    .option('--weights <file>', 'where to write the weights (default: the source with .safetensors)')
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc import model.onnx -o model.rnn\n  rnnc run model.rnn --params model.safetensors',
    )
    .action(async (file: string, flags: ImportFlags) => {
      const { importCommand } = await import('./import.js');
      importCommand(file, flags, io.out);
    });

  program
    .command('train')
    .description('train a model on a data set into a run folder: progress, held-out loss, checkpoints, loss curves')
    .argument('<file>', 'an .rnn source file whose model has a loss')
    .option('--data <spec>', 'moby-dick, births, cmudict, spam, names, adding, or text:FILE, csv:FILE, jsonl:FILE')
    .option('--model <name>', 'which model of the file; needed when it defines several')
    .addOption(
      new Option('--target <target>', 'ts: the TypeScript module; wgsl: the WGSL kernels on WebGPU')
        .choices(['ts', 'wgsl'])
        .default('ts'),
    )
    .option('--epochs <n>', 'passes over the training part (default 1; with --minutes or --max-steps, as many as fit)')
    .option('--batch <n>', 'sequences per step', '32')
    .option('--seq <n>', 'window length (text, CSV, adding), or the longest sequence allowed (JSONL, cmudict)')
    .option('--lr <x>', 'learning rate', '0.002')
    .addOption(new Option('--optimizer <method>', 'the update rule').choices(['sgd', 'adam']).default('adam'))
    .option('--clip <norm>', 'clip the gradients to this global norm')
    .option(
      '--lengths',
      'run each sample of a padded batch for its own steps, the loss averaged over real steps (cmudict)',
    )
    .option('--truncate <k>', 'truncated BPTT: carry gradients back at most k steps')
    .option('--seed <n>', 'seed for the initial params and the batches', '0')
    .option('--minutes <m>', 'stop after this many minutes of training (then evaluate and save)')
    .option('--max-steps <n>', 'stop after this many training steps in all (then evaluate and save)')
    .option('--holdout <fraction>', 'the fraction of the data held out (default 0.1; cmudict 0.05)')
    .option('--column <name>', 'CSV: the column to forecast, by header name or number (default: the last)')
    .option('--season <n>', 'CSV: the seasonal-naive baseline forecasts the value n steps earlier', '7')
    .option('--eval-batches <n>', 'held-out batches evaluated at most', '20')
    .option('--eval-every <n>', 'also evaluate (and save) every n steps')
    .option('--out <folder>', 'the run folder', 'run')
    .option('--resume', 'continue the run in --out from its checkpoint')
    .addOption(sizeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc train examples/char_lstm.rnn --data moby-dick --minutes 5 --out runs/moby\n  rnnc train examples/births.rnn --data births --epochs 20 --out runs/births\n  rnnc train examples/adding.rnn --model AddingLSTM --data adding --seq 100 --epochs 15 --batch 50 --clip 1 --out runs/adding\n  rnnc train examples/classifier.rnn --data examples/data/sums.jsonl --epochs 20 --out runs/sums\n  rnnc train examples/char_lstm.rnn --out runs/moby --resume --epochs 2',
    )
    .action(async (file: string, flags: TrainFlags) => {
      const { trainCommand } = await import('./train.js');
      const ending = await trainCommand(loadProgram(file, io.err), file, flags, {
        out: io.out,
        ...(io.status ? { status: io.status } : {}),
        onInterrupt: io.onInterrupt ?? processInterrupt,
      });
      if (ending === 'interrupted') throw new Interrupted();
    });

  program
    .command('sample')
    .description('generate text from a character model trained with rnnc train')
    .argument('<run>', 'the run folder (--out of rnnc train)')
    .option('--prime <text>', 'the text the model reads first', 'The ')
    .option('--length <n>', 'characters to generate', '300')
    .option('--temperature <t>', 'divides the scores: below 1 is more conservative, 0 always takes the likeliest', '1')
    .option('--seed <n>', 'seed of the draws', '0')
    .addHelpText('after', '\nExample:\n  rnnc sample runs/moby --prime "Call me" --length 300 --temperature 0.8')
    .action(async (folder: string, flags: SampleFlags) => {
      const { sampleCommand } = await import('./sample.js');
      io.out(await sampleCommand(folder, flags, io.err));
    });

  program
    .command('compare')
    .description('put models or cells side by side: params, FLOPs, saved floats, GEMMs, dispatches, code size, times')
    .argument(
      '<files...>',
      '.rnn files (FILE:MODEL picks a model of a file that defines several), or rnnc train run folders',
    )
    .option('--targets <list>', 'targets to time: ts, wgsl or ts,wgsl', 'ts')
    .option('-O, --opt-level <levels>', 'optimization levels, one column each: 2, or a list like 0,2', '2')
    .option('--steps <n>', 'sequence length of the timed calls', '50')
    .option('--batch <n>', 'batch size of the timed calls', '16')
    .option(
      '--repeats <n>',
      'rounds of timing after a warm-up: each candidate is called once a round, in turns; the median and range are reported',
      '9',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'md', 'json']).default('table'))
    .addOption(sizeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  rnnc compare examples/lstm.rnn examples/gru.rnn --size H=128 --size I=64\n  rnnc compare examples/lstm.rnn -O 0,1,2 --targets ts,wgsl --format md\n  rnnc compare examples/adding.rnn:AddingLSTM examples/adding.rnn:AddingMGU\n  rnnc compare runs/sums runs/sums-wgsl',
    )
    .action(async (files: string[], flags: CompareFlags) => {
      const { compareCommand } = await import('./compare.js');
      io.out(await compareCommand(files, flags, io.err));
    });

  return program;
}

/** gradcheck found an error above the tolerance (its table says which). */
class CheckFailed extends Error {}

/** The user stopped a command with Ctrl-C after it saved its work. */
class Interrupted extends Error {}

/** Runs the CLI and returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof SourceErrors || e instanceof CheckFailed) return 1;
    if (e instanceof SourceError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof Interrupted) return 130;
    if (e instanceof UserError) {
      io.err(`rnnc: error: ${e.message}`);
      return 1;
    }
    io.err(
      `rnnc: internal error (a bug in rnnc; please report it with the input that caused it):\n${(e as Error).stack ?? String(e)}`,
    );
    return 70;
  }
}
