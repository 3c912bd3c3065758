/**
 * The op registry: one record per primitive. Typed so that every `OpKind`
 * has a record and every record has every entry: an op missing a rule is a
 * compile error, not a runtime surprise.
 */
import type { OpKind } from '../graph.js';
import {
  expandLastOp,
  logSoftmaxOp,
  matmulOp,
  meanOp,
  outerOp,
  reduceMaxOp,
  reduceMinOp,
  softmaxOp,
  sumOp,
  transposeOp,
} from './linalg.js';
import type { OpDef } from './opdef.js';
import {
  absOp,
  addOp,
  divOp,
  equalOp,
  expOp,
  floorOp,
  hardSigmoidOp,
  lessEqualOp,
  lessOp,
  logOp,
  maxOp,
  minOp,
  modOp,
  mulOp,
  negOp,
  reluOp,
  sigmoidOp,
  softplusOp,
  sqrtOp,
  signOp,
  stepOp,
  subOp,
  tanhOp,
  whereOp,
} from './pointwise.js';
import { sliceRowsOp, stackRowsOp } from './rows.js';
import { getOp, scanOp } from './scan.js';
import { gatherRowsOp, oneHotOp, scatterRowsOp } from './embedding.js';
import { randomMaskOp } from './noise.js';
import { argOp, constOp, defaultAdjointOp, eyeOp, inputOp, numberOp, paramOp, stateInitOp } from './sources.js';
import {
  broadcastBatchOp,
  broadcastToOp,
  concatOp,
  padLastOp,
  positionsOp,
  reduceLeadOp,
  timeMaxOp,
  sliceOp,
  timeIndexOp,
  timePlaceOp,
  timeShiftOp,
  timeStackOp,
  unbroadcastOp,
} from './structure.js';

export const ops = {
  neg: negOp,
  sigmoid: sigmoidOp,
  tanh: tanhOp,
  relu: reluOp,
  exp: expOp,
  log: logOp,
  sqrt: sqrtOp,
  abs: absOp,
  softplus: softplusOp,
  hard_sigmoid: hardSigmoidOp,
  add: addOp,
  sub: subOp,
  mul: mulOp,
  div: divOp,
  min: minOp,
  max: maxOp,
  less: lessOp,
  less_equal: lessEqualOp,
  equal: equalOp,
  where: whereOp,
  mod: modOp,
  floor: floorOp,
  matmul: matmulOp,
  sum: sumOp,
  mean: meanOp,
  reduce_max: reduceMaxOp,
  reduce_min: reduceMinOp,
  softmax: softmaxOp,
  log_softmax: logSoftmaxOp,
  concat: concatOp,
  slice: sliceOp,
  const: constOp,
  number: numberOp,
  eye: eyeOp,
  gather_rows: gatherRowsOp,
  scatter_rows: scatterRowsOp,
  one_hot: oneHotOp,
  random_mask: randomMaskOp,
  positions: positionsOp,
  param: paramOp,
  input: inputOp,
  arg: argOp,
  state_init: stateInitOp,
  broadcast_batch: broadcastBatchOp,
  scan: scanOp,
  get: getOp,
  time_index: timeIndexOp,
  time_stack: timeStackOp,
  time_max: timeMaxOp,
  reduce_lead: reduceLeadOp,
  step: stepOp,
  sign: signOp,
  transpose: transposeOp,
  outer: outerOp,
  expand_last: expandLastOp,
  pad_last: padLastOp,
  time_place: timePlaceOp,
  time_shift: timeShiftOp,
  unbroadcast: unbroadcastOp,
  broadcast_to: broadcastToOp,
  default_adjoint: defaultAdjointOp,
  stack_rows: stackRowsOp,
  slice_rows: sliceRowsOp,
} satisfies { [K in OpKind]: OpDef<K> };

export function opDef<K extends OpKind>(kind: K): OpDef<K> {
  return ops[kind] as unknown as OpDef<K>;
}

export const opKinds = Object.keys(ops) as OpKind[];
