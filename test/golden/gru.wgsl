// schedule: auto: steps, hybrid (each time loop one kernel) for B ≤ 163
// ───── forward_00_fill_0.wgsl ─────
// rnnc kernel forward_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %13 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = 0.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    fill_0(i, 0u);
  }
}

// ───── forward_01_matmul_1.wgsl ─────
// rnnc kernel forward_01_matmul_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %16 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at1 = 0u; // %15 stack_rows packed W_ir, W_iz, W_in (in place)
  let at2 = 120u; // input x
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 3u;
  let bo = l * 3u;
  for (var p = 0u; p < 3u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    matmul_1(i, 0u);
  }
}

// ───── forward_02_add_2_to_add_4.wgsl ─────
// rnnc kernel forward_02_add_2_to_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %19 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u); // %19 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 120u); // param b_ir
  let at3 = (dims.T_T * dims.B * 3u + 135u); // param b_hr
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %22 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u); // %22 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 125u); // param b_iz
  let at3 = (dims.T_T * dims.B * 3u + 140u); // param b_hz
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %24 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 130u); // param b_in
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// add_2, then add_3, then add_4, element by element (one dispatch for all 3).
fn add_2_to_add_4(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_4(i, 0u);
  }
}

// ───── forward_03_copy_5.wgsl ─────
// rnnc kernel forward_03_copy_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// GRU: the initial h
fn copy_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u); // GRU state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_5(i, 0u);
  }
}

// ───── forward_04_matmul_6.wgsl ─────
// rnnc kernel forward_04_matmul_6: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (GRU: from the first step to the last): dispatch 1 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %3 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_6(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at1 = 45u; // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  let at2 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 15u) {
    matmul_6(i, step.s);
  }
}

// ───── forward_05_sigmoid_7_to_add_8.wgsl ─────
// rnnc kernel forward_05_sigmoid_7_to_add_8: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (GRU: from the first step to the last): dispatch 2 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// tanh to a couple of ulps (Cephes' tanhf): WGSL's own may lose its relative precision near 0.
fn tanh_f32(x: f32) -> f32 {
  let z = x * x;
  let small = x + x * z * ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z - 3.33332819422e-1);
  let large = 1.0 - 2.0 / (exp(min(2.0 * abs(x), 40.0)) + 1.0);
  return select(select(large, -large, x < 0.0), small, abs(x) < 0.625);
}

// %12 sigmoid z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn sigmoid_7(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 30u + 150u); // %12 sigmoid z
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u) + t * dims.B * 5u; // %22 add at step t
  let at2 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j + 5u])));
}
// %22 add h' — 27: h' = (1 - z) * n + z * h
fn add_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 30u + 150u); // %12 sigmoid z
  let at2 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u) + t * dims.B * 5u; // %24 add at step t
  let at3 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u) + t * dims.B * 5u; // %19 add at step t
  let at4 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at5 = (dims.T_T * dims.B * 3u + 145u); // param b_hn
  let at6 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 - mem[at1 + l * 5u + j]) * (tanh_f32((mem[at2 + l * 5u + j] + ((1.0 / (1.0 + exp(-(mem[at3 + l * 5u + j] + mem[at4 + l * 15u + j])))) * (mem[at4 + l * 15u + j + 10u] + mem[at5 + j])))))) + (mem[at1 + l * 5u + j] * mem[at6 + l * 5u + j]);
}
// sigmoid_7, then add_8, element by element (one dispatch for both).
fn sigmoid_7_to_add_8(i: u32, t: u32) {
  sigmoid_7(i, t);
  add_8(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_7_to_add_8(i, step.s);
  }
}

// ───── forward_06_copy_9.wgsl ─────
// rnnc kernel forward_06_copy_9: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// GRU: the final h
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 35u + 150u); // GRU final h
  let at1 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // GRU state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_9(i, 0u);
  }
}

// ───── forward_small_batch_00_fill_0.wgsl ─────
// rnnc kernel forward_small_batch_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %13 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = 0.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    fill_0(i, 0u);
  }
}

// ───── forward_small_batch_01_matmul_1.wgsl ─────
// rnnc kernel forward_small_batch_01_matmul_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %16 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at1 = 0u; // %15 stack_rows packed W_ir, W_iz, W_in (in place)
  let at2 = 120u; // input x
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 3u;
  let bo = l * 3u;
  for (var p = 0u; p < 3u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    matmul_1(i, 0u);
  }
}

// ───── forward_small_batch_02_add_2_to_add_4.wgsl ─────
// rnnc kernel forward_small_batch_02_add_2_to_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %19 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u); // %19 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 120u); // param b_ir
  let at3 = (dims.T_T * dims.B * 3u + 135u); // param b_hr
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %22 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u); // %22 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 125u); // param b_iz
  let at3 = (dims.T_T * dims.B * 3u + 140u); // param b_hz
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %24 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 130u); // param b_in
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// add_2, then add_3, then add_4, element by element (one dispatch for all 3).
fn add_2_to_add_4(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_4(i, 0u);
  }
}

// ───── forward_small_batch_03_loop.wgsl ─────
// rnnc kernel forward_small_batch_03_loop: persistent, one workgroup of 64 threads runs 4 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (300 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// tanh to a couple of ulps (Cephes' tanhf): WGSL's own may lose its relative precision near 0.
fn tanh_f32(x: f32) -> f32 {
  let z = x * x;
  let small = x + x * z * ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z - 3.33332819422e-1);
  let large = 1.0 - 2.0 / (exp(min(2.0 * abs(x), 40.0)) + 1.0);
  return select(select(large, -large, x < 0.0), small, abs(x) < 0.625);
}

var<workgroup> cache: array<f32, 75>;

// GRU: the initial h
fn copy_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u); // GRU state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_6(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at1 = 0u; // %25 stack_rows packed W_hr, W_hz, W_hn (in place) (in workgroup memory)
  let at2 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += cache[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

// %12 sigmoid z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn sigmoid_7(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 30u + 150u); // %12 sigmoid z
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u) + t * dims.B * 5u; // %22 add at step t
  let at2 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j + 5u])));
}
// %22 add h' — 27: h' = (1 - z) * n + z * h
fn add_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 30u + 150u); // %12 sigmoid z
  let at2 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u) + t * dims.B * 5u; // %24 add at step t
  let at3 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u) + t * dims.B * 5u; // %19 add at step t
  let at4 = (dims.T_T * dims.B * 38u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at5 = (dims.T_T * dims.B * 3u + 145u); // param b_hn
  let at6 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 - mem[at1 + l * 5u + j]) * (tanh_f32((mem[at2 + l * 5u + j] + ((1.0 / (1.0 + exp(-(mem[at3 + l * 5u + j] + mem[at4 + l * 15u + j])))) * (mem[at4 + l * 15u + j + 10u] + mem[at5 + j])))))) + (mem[at1 + l * 5u + j] * mem[at6 + l * 5u + j]);
}
// sigmoid_7, then add_8, element by element (one dispatch for both).
fn sigmoid_7_to_add_8(i: u32, t: u32) {
  sigmoid_7(i, t);
  add_8(i, t);
}

// GRU: the final h
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 35u + 150u); // GRU final h
  let at1 = select((dims.T_T * dims.B * 38u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // GRU state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  for (var i = lane; i < 75u; i += 64u) {
    cache[0u + i] = mem[45u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_5(i, 0u);
  }
  storageBarrier();
  // GRU: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < dims.B * 15u; i += 64u) {
      matmul_6(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_7_to_add_8(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_9(i, 0u);
  }
  storageBarrier();
}

// ───── grad_00_fill_0.wgsl ─────
// rnnc kernel grad_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %13 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = 0.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    fill_0(i, 0u);
  }
}

// ───── grad_01_matmul_1.wgsl ─────
// rnnc kernel grad_01_matmul_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %16 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at1 = 0u; // %15 stack_rows packed W_ir, W_iz, W_in (in place)
  let at2 = 120u; // input x
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 3u;
  let bo = l * 3u;
  for (var p = 0u; p < 3u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    matmul_1(i, 0u);
  }
}

// ───── grad_02_add_2_to_add_4.wgsl ─────
// rnnc kernel grad_02_add_2_to_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %19 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u); // %19 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 120u); // param b_ir
  let at3 = (dims.T_T * dims.B * 3u + 135u); // param b_hr
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %22 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u); // %22 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 125u); // param b_iz
  let at3 = (dims.T_T * dims.B * 3u + 140u); // param b_hz
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %24 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 130u); // param b_in
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// add_2, then add_3, then add_4, element by element (one dispatch for all 3).
fn add_2_to_add_4(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_4(i, 0u);
  }
}

// ───── grad_03_copy_5.wgsl ─────
// rnnc kernel grad_03_copy_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// GRU: the initial h
fn copy_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 10u + 150u); // GRU state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_5(i, 0u);
  }
}

// ───── grad_04_matmul_6.wgsl ─────
// rnnc kernel grad_04_matmul_6: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (GRU: from the first step to the last): dispatch 1 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %3 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_6(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at1 = 45u; // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  let at2 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 15u) {
    matmul_6(i, step.s);
  }
}

// ───── grad_05_sigmoid_7_to_add_12.wgsl ─────
// rnnc kernel grad_05_sigmoid_7_to_add_12: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (GRU: from the first step to the last): dispatch 2 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// tanh to a couple of ulps (Cephes' tanhf): WGSL's own may lose its relative precision near 0.
fn tanh_f32(x: f32) -> f32 {
  let z = x * x;
  let small = x + x * z * ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z - 3.33332819422e-1);
  let large = 1.0 - 2.0 / (exp(min(2.0 * abs(x), 40.0)) + 1.0);
  return select(select(large, -large, x < 0.0), small, abs(x) < 0.625);
}

// %9 sigmoid r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn sigmoid_7(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let at1 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u) + t * dims.B * 5u; // %19 add at step t
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j])));
}
// %12 sigmoid z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn sigmoid_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u) + t * dims.B * 5u; // %22 add at step t
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j + 5u])));
}
// %14 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_9(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 145u); // param b_hn
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// %17 tanh n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn tanh_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32((mem[at1 + l * 5u + j] + (mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j])));
}
// %19 sub — 27: h' = (1 - z) * n + z * h
fn sub_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - mem[at1 + l * 5u + j];
}
// %22 add h' — 27: h' = (1 - z) * n + z * h
fn add_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at3 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let at4 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}
// sigmoid_7, then sigmoid_8, then add_9, then tanh_10, then sub_11, then add_12, element by element (one dispatch for all 6).
fn sigmoid_7_to_add_12(i: u32, t: u32) {
  sigmoid_7(i, t);
  sigmoid_8(i, t);
  add_9(i, t);
  tanh_10(i, t);
  sub_11(i, t);
  add_12(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_7_to_add_12(i, step.s);
  }
}

// ───── grad_06_copy_13.wgsl ─────
// rnnc kernel grad_06_copy_13: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// GRU: the final h
fn copy_13(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 30u + 150u); // GRU final h
  let at1 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // GRU state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_13(i, 0u);
  }
}

// ───── grad_07_mul_14.wgsl ─────
// rnnc kernel grad_07_mul_14: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %30 mul
fn mul_14(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 35u + 150u); // %30 mul
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u); // GRU output 0
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 35u + 150u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_14(i, 0u);
  }
}

// ───── grad_08_sum_15.wgsl ─────
// rnnc kernel grad_08_sum_15: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %31 sum
fn sum_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 35u + 150u); // %31 sum
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 35u + 150u); // %30 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    sum_15(i, 0u);
  }
}

// ───── grad_09_reduce_lead_16.wgsl ─────
// rnnc kernel grad_09_reduce_lead_16: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %32 reduce_lead loss
fn reduce_lead_16(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 150u); // %32 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 73u + dims.B * 35u + 150u); // %31 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    reduce_lead_16(i, 0u);
  }
}

// ───── grad_10_fill_17.wgsl ─────
// rnnc kernel grad_10_fill_17: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// literal 1.0
fn fill_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 151u); // literal 1.0
  mem[at0 + i] = 1.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    fill_17(i, 0u);
  }
}

// ───── grad_11_broadcast_to_18.wgsl ─────
// rnnc kernel grad_11_broadcast_to_18: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %34 broadcast_to ∂loss
fn broadcast_to_18(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 152u); // %34 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 74u + dims.B * 35u + 151u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    broadcast_to_18(i, 0u);
  }
}

// ───── grad_12_expand_last_19.wgsl ─────
// rnnc kernel grad_12_expand_last_19: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %35 expand_last
fn expand_last_19(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 75u + dims.B * 35u + 152u); // %35 expand_last
  let at1 = (dims.T_T * dims.B * 74u + dims.B * 35u + 152u); // %34 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    expand_last_19(i, 0u);
  }
}

// ───── grad_13_mul_20.wgsl ─────
// rnnc kernel grad_13_mul_20: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %36 mul
fn mul_20(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 80u + dims.B * 35u + 152u); // %36 mul
  let at1 = (dims.T_T * dims.B * 75u + dims.B * 35u + 152u); // %35 expand_last
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 35u + 150u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_20(i, 0u);
  }
}

// ───── grad_14_time_shift_21.wgsl ─────
// rnnc kernel grad_14_time_shift_21: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %42 time_shift GRU: previous h
fn time_shift_21(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u); // %42 time_shift GRU: previous h
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u); // GRU output 0
  let at2 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    time_shift_21(i, 0u);
  }
}

// ───── grad_15_sub_22_to_mul_24.wgsl ─────
// rnnc kernel grad_15_sub_22_to_mul_24: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %44 sub ∂n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn sub_22(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 35u + 152u); // %44 sub ∂n
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u); // GRU output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %46 mul ∂z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn mul_23(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 35u + 152u); // %46 mul ∂z
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u); // GRU output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %48 mul ∂r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn mul_24(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 35u + 152u); // %48 mul ∂r
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u); // GRU output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// sub_22, then mul_23, then mul_24, element by element (one dispatch for all 3).
fn sub_22_to_mul_24(i: u32, _t: u32) {
  sub_22(i, _t);
  mul_23(i, _t);
  mul_24(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_22_to_mul_24(i, 0u);
  }
}

// ───── grad_16_stack_rows_25.wgsl ─────
// rnnc kernel grad_16_stack_rows_25: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %49 stack_rows packed W_hn, W_hz, W_hr
fn stack_rows_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 152u); // %49 stack_rows packed W_hn, W_hz, W_hr
  let at1 = 95u; // param W_hn
  let at2 = 70u; // param W_hz
  let at3 = 45u; // param W_hr
  let l = i / 75u;
  let j = i % 75u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else { v = mem[at3 + l * 25u + j - 50u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 75u) {
    stack_rows_25(i, 0u);
  }
}

// ───── grad_17_stack_rows_26.wgsl ─────
// rnnc kernel grad_17_stack_rows_26: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %50 stack_rows packed W_in, W_iz, W_ir
fn stack_rows_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 227u); // %50 stack_rows packed W_in, W_iz, W_ir
  let at1 = 30u; // param W_in
  let at2 = 15u; // param W_iz
  let at3 = 0u; // param W_ir
  let l = i / 45u;
  let j = i % 45u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else { v = mem[at3 + l * 15u + j - 30u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 45u) {
    stack_rows_26(i, 0u);
  }
}

// ───── grad_18_copy_27.wgsl ─────
// rnnc kernel grad_18_copy_27: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂GRU: the initial ∂h
fn copy_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 35u + 272u); // ∂GRU state ∂h (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_27(i, 0u);
  }
}

// ───── grad_19_add_28_to_mul_32.wgsl ─────
// rnnc kernel grad_19_add_28_to_mul_32: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂GRU: from the last step to the first): dispatch 1 of the 4 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %2 add
fn add_28(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at1 = select((dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T * dims.B * 125u + dims.B * 40u + 272u), (dims.T_T - 1u - t) % 2u == 1u); // ∂GRU state ∂h
  let at2 = (dims.T_T * dims.B * 80u + dims.B * 35u + 152u) + t * dims.B * 5u; // %36 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}
// %14 mul ∂n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn mul_29(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at3 = (dims.T_T * dims.B * 90u + dims.B * 35u + 152u) + t * dims.B * 5u; // %44 sub ∂n at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %18 mul — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn mul_30(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 3 at step t
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// %20 mul ∂z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn mul_31(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 1 at step t
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at2 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u) + t * dims.B * 5u; // %42 time_shift GRU: previous h at step t
  let at3 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at4 = (dims.T_T * dims.B * 95u + dims.B * 35u + 152u) + t * dims.B * 5u; // %46 mul ∂z at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (-(mem[at1 + l * 5u + j] * mem[at3 + l * 5u + j]))) * mem[at4 + l * 5u + j];
}
// %22 mul ∂r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn mul_32(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at2 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let at3 = (dims.T_T * dims.B * 100u + dims.B * 35u + 152u) + t * dims.B * 5u; // %48 mul ∂r at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// add_28, then mul_29, then mul_30, then mul_31, then mul_32, element by element (one dispatch for all 5).
fn add_28_to_mul_32(i: u32, t: u32) {
  add_28(i, t);
  mul_29(i, t);
  mul_30(i, t);
  mul_31(i, t);
  mul_32(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_28_to_mul_32(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_20_concat_33.wgsl ─────
// rnnc kernel grad_20_concat_33: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂GRU: from the last step to the first): dispatch 2 of the 4 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %23 concat
fn concat_33(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 50u + 272u); // %23 concat
  let at1 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 3 at step t
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 1 at step t
  let at3 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 0 at step t
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 15u) {
    concat_33(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_21_matmul_34.wgsl ─────
// rnnc kernel grad_21_matmul_34: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂GRU: from the last step to the first): dispatch 3 of the 4 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %25 matmul fused gate products
fn matmul_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 65u + 272u); // %25 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 50u + 272u); // %23 concat
  let at2 = (dims.T_T * dims.B * 105u + dims.B * 35u + 152u); // %49 stack_rows packed W_hn, W_hz, W_hr
  let l = i / 5u;
  let j = i % 5u;
  var acc = 0.0;
  let ao = l * 15u + (j / 5u) * 15u;
  let bo = j % 5u;
  for (var p = 0u; p < 15u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 5u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    matmul_34(i, 0u);
  }
}

// ───── grad_22_add_35.wgsl ─────
// rnnc kernel grad_22_add_35: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂GRU: from the last step to the first): dispatch 4 of the 4 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %26 add
fn add_35(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 125u + dims.B * 40u + 272u), (dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T - 1u - t) % 2u == 1u); // ∂GRU next state ∂h
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 65u + 272u); // %25 matmul fused gate products
  let at2 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at3 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + (mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_35(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_23_copy_36.wgsl ─────
// rnnc kernel grad_23_copy_36: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂GRU: the final ∂h
fn copy_36(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 70u + 272u); // ∂GRU final ∂h
  let at1 = select((dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T * dims.B * 125u + dims.B * 40u + 272u), dims.T_T % 2u == 1u); // ∂GRU state ∂h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_36(i, 0u);
  }
}

// ───── grad_24_concat_37.wgsl ─────
// rnnc kernel grad_24_concat_37: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %56 concat
fn concat_37(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 75u + 272u); // %56 concat
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_37(i, 0u);
  }
}

// ───── grad_25_unbroadcast_38.wgsl ─────
// rnnc kernel grad_25_unbroadcast_38: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %58 unbroadcast fused weight gradients
fn unbroadcast_38(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 75u + 272u); // %56 concat
  let at2 = 120u; // input x
  let j = i % 45u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 15u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 45u) {
    unbroadcast_38(i, 0u);
  }
}

// ───── grad_26_slice_rows_39.wgsl ─────
// rnnc kernel grad_26_slice_rows_39: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %59 slice_rows ∂GRU: ∂W_ir (batched)
fn slice_rows_39(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 317u); // %59 slice_rows ∂GRU: ∂W_ir (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_39(i, 0u);
  }
}

// ───── grad_27_slice_rows_40.wgsl ─────
// rnnc kernel grad_27_slice_rows_40: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %60 slice_rows ∂GRU: ∂W_iz (batched)
fn slice_rows_40(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 332u); // %60 slice_rows ∂GRU: ∂W_iz (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 15u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_40(i, 0u);
  }
}

// ───── grad_28_slice_rows_41.wgsl ─────
// rnnc kernel grad_28_slice_rows_41: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %61 slice_rows ∂GRU: ∂W_in (batched)
fn slice_rows_41(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 347u); // %61 slice_rows ∂GRU: ∂W_in (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 30u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_41(i, 0u);
  }
}

// ───── grad_29_concat_42.wgsl ─────
// rnnc kernel grad_29_concat_42: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %63 concat
fn concat_42(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 362u); // %63 concat
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u); // ∂GRU output 3
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_42(i, 0u);
  }
}

// ───── grad_30_unbroadcast_43.wgsl ─────
// rnnc kernel grad_30_unbroadcast_43: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %65 unbroadcast fused weight gradients
fn unbroadcast_43(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 362u); // %63 concat
  let at2 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u); // %42 time_shift GRU: previous h
  let j = i % 75u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 15u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 75u) {
    unbroadcast_43(i, 0u);
  }
}

// ───── grad_31_slice_rows_44.wgsl ─────
// rnnc kernel grad_31_slice_rows_44: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %66 slice_rows ∂GRU: ∂W_hr (batched)
fn slice_rows_44(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 437u); // %66 slice_rows ∂GRU: ∂W_hr (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_44(i, 0u);
  }
}

// ───── grad_32_slice_rows_45.wgsl ─────
// rnnc kernel grad_32_slice_rows_45: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %67 slice_rows ∂GRU: ∂W_hz (batched)
fn slice_rows_45(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 462u); // %67 slice_rows ∂GRU: ∂W_hz (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 25u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_45(i, 0u);
  }
}

// ───── grad_33_slice_rows_46.wgsl ─────
// rnnc kernel grad_33_slice_rows_46: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %68 slice_rows ∂GRU: ∂W_hn (batched)
fn slice_rows_46(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 487u); // %68 slice_rows ∂GRU: ∂W_hn (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 50u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_46(i, 0u);
  }
}

// ───── grad_34_unbroadcast_47.wgsl ─────
// rnnc kernel grad_34_unbroadcast_47: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %69 unbroadcast ∂GRU: ∂b_ir (batched)
fn unbroadcast_47(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 512u); // %69 unbroadcast ∂GRU: ∂b_ir (batched)
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_47(i, 0u);
  }
}

// ───── grad_35_unbroadcast_48.wgsl ─────
// rnnc kernel grad_35_unbroadcast_48: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %70 unbroadcast ∂GRU: ∂b_iz (batched)
fn unbroadcast_48(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 517u); // %70 unbroadcast ∂GRU: ∂b_iz (batched)
  let at1 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_48(i, 0u);
  }
}

// ───── grad_36_unbroadcast_49.wgsl ─────
// rnnc kernel grad_36_unbroadcast_49: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %71 unbroadcast ∂GRU: ∂b_in (batched)
fn unbroadcast_49(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 522u); // %71 unbroadcast ∂GRU: ∂b_in (batched)
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_49(i, 0u);
  }
}

// ───── grad_37_unbroadcast_50.wgsl ─────
// rnnc kernel grad_37_unbroadcast_50: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %72 unbroadcast ∂GRU: ∂b_hn (batched)
fn unbroadcast_50(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 527u); // %72 unbroadcast ∂GRU: ∂b_hn (batched)
  let at1 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u); // ∂GRU output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_50(i, 0u);
  }
}

// ───── grad_38_concat_51.wgsl ─────
// rnnc kernel grad_38_concat_51: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %73 concat
fn concat_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 532u); // %73 concat
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_51(i, 0u);
  }
}

// ───── grad_39_matmul_52.wgsl ─────
// rnnc kernel grad_39_matmul_52: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %74 matmul fused gate products
fn matmul_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 75u + 532u); // %74 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 532u); // %73 concat
  let at2 = (dims.T_T * dims.B * 105u + dims.B * 35u + 227u); // %50 stack_rows packed W_in, W_iz, W_ir
  let l = i / 3u;
  let j = i % 3u;
  var acc = 0.0;
  let ao = l * 15u + (j / 3u) * 15u;
  let bo = j % 3u;
  for (var p = 0u; p < 15u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 3u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 3u) {
    matmul_52(i, 0u);
  }
}

// ───── grad_small_batch_00_fill_0.wgsl ─────
// rnnc kernel grad_small_batch_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %13 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = 0.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    fill_0(i, 0u);
  }
}

// ───── grad_small_batch_01_matmul_1.wgsl ─────
// rnnc kernel grad_small_batch_01_matmul_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %16 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at1 = 0u; // %15 stack_rows packed W_ir, W_iz, W_in (in place)
  let at2 = 120u; // input x
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 3u;
  let bo = l * 3u;
  for (var p = 0u; p < 3u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    matmul_1(i, 0u);
  }
}

// ───── grad_small_batch_02_add_2_to_add_4.wgsl ─────
// rnnc kernel grad_small_batch_02_add_2_to_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %19 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u); // %19 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 120u); // param b_ir
  let at3 = (dims.T_T * dims.B * 3u + 135u); // param b_hr
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %22 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u); // %22 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 125u); // param b_iz
  let at3 = (dims.T_T * dims.B * 3u + 140u); // param b_hz
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 15u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %24 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 10u + 150u); // %16 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 130u); // param b_in
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// add_2, then add_3, then add_4, element by element (one dispatch for all 3).
fn add_2_to_add_4(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_4(i, 0u);
  }
}

// ───── grad_small_batch_03_loop.wgsl ─────
// rnnc kernel grad_small_batch_03_loop: persistent, one workgroup of 64 threads runs 4 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (300 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// tanh to a couple of ulps (Cephes' tanhf): WGSL's own may lose its relative precision near 0.
fn tanh_f32(x: f32) -> f32 {
  let z = x * x;
  let small = x + x * z * ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z - 3.33332819422e-1);
  let large = 1.0 - 2.0 / (exp(min(2.0 * abs(x), 40.0)) + 1.0);
  return select(select(large, -large, x < 0.0), small, abs(x) < 0.625);
}

var<workgroup> cache: array<f32, 75>;

// GRU: the initial h
fn copy_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 10u + 150u); // GRU state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn matmul_6(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at1 = 0u; // %25 stack_rows packed W_hr, W_hz, W_hn (in place) (in workgroup memory)
  let at2 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 15u;
  let j = i % 15u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += cache[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

// %9 sigmoid r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn sigmoid_7(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let at1 = (dims.T_T * dims.B * 18u + dims.B * 10u + 150u) + t * dims.B * 5u; // %19 add at step t
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j])));
}
// %12 sigmoid z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn sigmoid_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 10u + 150u) + t * dims.B * 5u; // %22 add at step t
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 15u + j + 5u])));
}
// %14 add — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn add_9(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 15u + 150u); // %3 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 145u); // param b_hn
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 15u + j + 10u] + mem[at2 + j];
}
// %17 tanh n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn tanh_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 10u + 150u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32((mem[at1 + l * 5u + j] + (mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j])));
}
// %19 sub — 27: h' = (1 - z) * n + z * h
fn sub_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - mem[at1 + l * 5u + j];
}
// %22 add h' — 27: h' = (1 - z) * n + z * h
fn add_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at3 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let at4 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (t - 1u) * dims.B * 5u, t != 0u); // GRU state h
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}
// sigmoid_7, then sigmoid_8, then add_9, then tanh_10, then sub_11, then add_12, element by element (one dispatch for all 6).
fn sigmoid_7_to_add_12(i: u32, t: u32) {
  sigmoid_7(i, t);
  sigmoid_8(i, t);
  add_9(i, t);
  tanh_10(i, t);
  sub_11(i, t);
  add_12(i, t);
}

// GRU: the final h
fn copy_13(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 30u + 150u); // GRU final h
  let at1 = select((dims.T_T * dims.B * 63u + dims.B * 10u + 150u), (dims.T_T * dims.B * 33u + dims.B * 10u + 150u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // GRU state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  for (var i = lane; i < 75u; i += 64u) {
    cache[0u + i] = mem[45u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_5(i, 0u);
  }
  storageBarrier();
  // GRU: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < dims.B * 15u; i += 64u) {
      matmul_6(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_7_to_add_12(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_13(i, 0u);
  }
  storageBarrier();
}

// ───── grad_small_batch_04_mul_14.wgsl ─────
// rnnc kernel grad_small_batch_04_mul_14: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %30 mul
fn mul_14(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 35u + 150u); // %30 mul
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u); // GRU output 0
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 35u + 150u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_14(i, 0u);
  }
}

// ───── grad_small_batch_05_sum_15.wgsl ─────
// rnnc kernel grad_small_batch_05_sum_15: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %31 sum
fn sum_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 35u + 150u); // %31 sum
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 35u + 150u); // %30 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    sum_15(i, 0u);
  }
}

// ───── grad_small_batch_06_reduce_lead_16.wgsl ─────
// rnnc kernel grad_small_batch_06_reduce_lead_16: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %32 reduce_lead loss
fn reduce_lead_16(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 150u); // %32 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 73u + dims.B * 35u + 150u); // %31 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    reduce_lead_16(i, 0u);
  }
}

// ───── grad_small_batch_07_fill_17.wgsl ─────
// rnnc kernel grad_small_batch_07_fill_17: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// literal 1.0
fn fill_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 151u); // literal 1.0
  mem[at0 + i] = 1.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    fill_17(i, 0u);
  }
}

// ───── grad_small_batch_08_broadcast_to_18.wgsl ─────
// rnnc kernel grad_small_batch_08_broadcast_to_18: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %34 broadcast_to ∂loss
fn broadcast_to_18(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 74u + dims.B * 35u + 152u); // %34 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 74u + dims.B * 35u + 151u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    broadcast_to_18(i, 0u);
  }
}

// ───── grad_small_batch_09_expand_last_19.wgsl ─────
// rnnc kernel grad_small_batch_09_expand_last_19: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %35 expand_last
fn expand_last_19(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 75u + dims.B * 35u + 152u); // %35 expand_last
  let at1 = (dims.T_T * dims.B * 74u + dims.B * 35u + 152u); // %34 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    expand_last_19(i, 0u);
  }
}

// ───── grad_small_batch_10_mul_20.wgsl ─────
// rnnc kernel grad_small_batch_10_mul_20: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %36 mul
fn mul_20(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 80u + dims.B * 35u + 152u); // %36 mul
  let at1 = (dims.T_T * dims.B * 75u + dims.B * 35u + 152u); // %35 expand_last
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 35u + 150u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_20(i, 0u);
  }
}

// ───── grad_small_batch_11_time_shift_21.wgsl ─────
// rnnc kernel grad_small_batch_11_time_shift_21: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %42 time_shift GRU: previous h
fn time_shift_21(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u); // %42 time_shift GRU: previous h
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 10u + 150u); // GRU output 0
  let at2 = select((dims.T_T * dims.B * 3u + 150u), (dims.T_T * dims.B * 3u + dims.B * 5u + 150u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    time_shift_21(i, 0u);
  }
}

// ───── grad_small_batch_12_sub_22_to_mul_24.wgsl ─────
// rnnc kernel grad_small_batch_12_sub_22_to_mul_24: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %44 sub ∂n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn sub_22(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 35u + 152u); // %44 sub ∂n
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u); // GRU output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %46 mul ∂z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn mul_23(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 35u + 152u); // %46 mul ∂z
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u); // GRU output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %48 mul ∂r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn mul_24(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 35u + 152u); // %48 mul ∂r
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u); // GRU output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// sub_22, then mul_23, then mul_24, element by element (one dispatch for all 3).
fn sub_22_to_mul_24(i: u32, _t: u32) {
  sub_22(i, _t);
  mul_23(i, _t);
  mul_24(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_22_to_mul_24(i, 0u);
  }
}

// ───── grad_small_batch_13_loop.wgsl ─────
// rnnc kernel grad_small_batch_13_loop: persistent, one workgroup of 64 threads runs 8 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (300 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

var<workgroup> cache: array<f32, 75>;

// %49 stack_rows packed W_hn, W_hz, W_hr
fn stack_rows_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 152u); // %49 stack_rows packed W_hn, W_hz, W_hr
  let at1 = 95u; // param W_hn
  let at2 = 70u; // param W_hz
  let at3 = 45u; // param W_hr
  let l = i / 75u;
  let j = i % 75u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else { v = mem[at3 + l * 25u + j - 50u]; }
  mem[at0 + i] = v;
}

// %50 stack_rows packed W_in, W_iz, W_ir
fn stack_rows_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 227u); // %50 stack_rows packed W_in, W_iz, W_ir
  let at1 = 30u; // param W_in
  let at2 = 15u; // param W_iz
  let at3 = 0u; // param W_ir
  let l = i / 45u;
  let j = i % 45u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else { v = mem[at3 + l * 15u + j - 30u]; }
  mem[at0 + i] = v;
}

// ∂GRU: the initial ∂h
fn copy_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 35u + 272u); // ∂GRU state ∂h (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 150u); // %13 const
  mem[at0 + i] = mem[at1 + i];
}

// %2 add
fn add_28(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at1 = select((dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T * dims.B * 125u + dims.B * 40u + 272u), (dims.T_T - 1u - t) % 2u == 1u); // ∂GRU state ∂h
  let at2 = (dims.T_T * dims.B * 80u + dims.B * 35u + 152u) + t * dims.B * 5u; // %36 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}
// %14 mul ∂n — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn mul_29(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 3 at step t
  let at3 = (dims.T_T * dims.B * 90u + dims.B * 35u + 152u) + t * dims.B * 5u; // %44 sub ∂n at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %18 mul — 26: n = tanh(W_in @ x + b_in + r * (W_hn @ h + b_hn))
fn mul_30(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 3 at step t
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// %20 mul ∂z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn mul_31(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 1 at step t
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at2 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u) + t * dims.B * 5u; // %42 time_shift GRU: previous h at step t
  let at3 = (dims.T_T * dims.B * 43u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 2 at step t
  let at4 = (dims.T_T * dims.B * 95u + dims.B * 35u + 152u) + t * dims.B * 5u; // %46 mul ∂z at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (-(mem[at1 + l * 5u + j] * mem[at3 + l * 5u + j]))) * mem[at4 + l * 5u + j];
}
// %22 mul ∂r — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate
fn mul_32(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 2 at step t
  let at2 = (dims.T_T * dims.B * 53u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 4 at step t
  let at3 = (dims.T_T * dims.B * 100u + dims.B * 35u + 152u) + t * dims.B * 5u; // %48 mul ∂r at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// add_28, then mul_29, then mul_30, then mul_31, then mul_32, element by element (one dispatch for all 5).
fn add_28_to_mul_32(i: u32, t: u32) {
  add_28(i, t);
  mul_29(i, t);
  mul_30(i, t);
  mul_31(i, t);
  mul_32(i, t);
}

// %23 concat
fn concat_33(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 50u + 272u); // %23 concat
  let at1 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 3 at step t
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 1 at step t
  let at3 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u) + t * dims.B * 5u; // ∂GRU output 0 at step t
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

// %25 matmul fused gate products
fn matmul_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 65u + 272u); // %25 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 50u + 272u); // %23 concat
  let at2 = (dims.T_T * dims.B * 105u + dims.B * 35u + 152u); // %49 stack_rows packed W_hn, W_hz, W_hr
  let l = i / 5u;
  let j = i % 5u;
  var acc = 0.0;
  let ao = l * 15u + (j / 5u) * 15u;
  let bo = j % 5u;
  for (var p = 0u; p < 15u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 5u];
  }
  mem[at0 + i] = acc;
}

// %26 add
fn add_35(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 125u + dims.B * 40u + 272u), (dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T - 1u - t) % 2u == 1u); // ∂GRU next state ∂h
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 65u + 272u); // %25 matmul fused gate products
  let at2 = (dims.T_T * dims.B * 125u + dims.B * 45u + 272u); // %2 add
  let at3 = (dims.T_T * dims.B * 38u + dims.B * 10u + 150u) + t * dims.B * 5u; // GRU output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + (mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]);
}

// ∂GRU: the final ∂h
fn copy_36(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 70u + 272u); // ∂GRU final ∂h
  let at1 = select((dims.T_T * dims.B * 125u + dims.B * 35u + 272u), (dims.T_T * dims.B * 125u + dims.B * 40u + 272u), dims.T_T % 2u == 1u); // ∂GRU state ∂h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  for (var i = lane; i < 75u; i += 64u) {
    cache[0u + i] = mem[45u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < 75u; i += 64u) {
    stack_rows_25(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 45u; i += 64u) {
    stack_rows_26(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_27(i, 0u);
  }
  storageBarrier();
  // ∂GRU: from the last step to the first
  for (var s = 0u; s < dims.T_T; s++) {
    let t = dims.T_T - 1u - s;
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_28_to_mul_32(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 15u; i += 64u) {
      concat_33(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      matmul_34(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_35(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_36(i, 0u);
  }
  storageBarrier();
}

// ───── grad_small_batch_14_concat_37.wgsl ─────
// rnnc kernel grad_small_batch_14_concat_37: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %56 concat
fn concat_37(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 75u + 272u); // %56 concat
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_37(i, 0u);
  }
}

// ───── grad_small_batch_15_unbroadcast_38.wgsl ─────
// rnnc kernel grad_small_batch_15_unbroadcast_38: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %58 unbroadcast fused weight gradients
fn unbroadcast_38(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 125u + dims.B * 75u + 272u); // %56 concat
  let at2 = 120u; // input x
  let j = i % 45u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 15u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 45u) {
    unbroadcast_38(i, 0u);
  }
}

// ───── grad_small_batch_16_slice_rows_39.wgsl ─────
// rnnc kernel grad_small_batch_16_slice_rows_39: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %59 slice_rows ∂GRU: ∂W_ir (batched)
fn slice_rows_39(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 317u); // %59 slice_rows ∂GRU: ∂W_ir (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_39(i, 0u);
  }
}

// ───── grad_small_batch_17_slice_rows_40.wgsl ─────
// rnnc kernel grad_small_batch_17_slice_rows_40: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %60 slice_rows ∂GRU: ∂W_iz (batched)
fn slice_rows_40(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 332u); // %60 slice_rows ∂GRU: ∂W_iz (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 15u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_40(i, 0u);
  }
}

// ───── grad_small_batch_18_slice_rows_41.wgsl ─────
// rnnc kernel grad_small_batch_18_slice_rows_41: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %61 slice_rows ∂GRU: ∂W_in (batched)
fn slice_rows_41(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 347u); // %61 slice_rows ∂GRU: ∂W_in (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 272u); // %58 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 45u + 30u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_41(i, 0u);
  }
}

// ───── grad_small_batch_19_concat_42.wgsl ─────
// rnnc kernel grad_small_batch_19_concat_42: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %63 concat
fn concat_42(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 75u + 362u); // %63 concat
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u); // ∂GRU output 3
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_42(i, 0u);
  }
}

// ───── grad_small_batch_20_unbroadcast_43.wgsl ─────
// rnnc kernel grad_small_batch_20_unbroadcast_43: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %65 unbroadcast fused weight gradients
fn unbroadcast_43(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 75u + 362u); // %63 concat
  let at2 = (dims.T_T * dims.B * 85u + dims.B * 35u + 152u); // %42 time_shift GRU: previous h
  let j = i % 75u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 15u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 75u) {
    unbroadcast_43(i, 0u);
  }
}

// ───── grad_small_batch_21_slice_rows_44.wgsl ─────
// rnnc kernel grad_small_batch_21_slice_rows_44: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %66 slice_rows ∂GRU: ∂W_hr (batched)
fn slice_rows_44(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 437u); // %66 slice_rows ∂GRU: ∂W_hr (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_44(i, 0u);
  }
}

// ───── grad_small_batch_22_slice_rows_45.wgsl ─────
// rnnc kernel grad_small_batch_22_slice_rows_45: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %67 slice_rows ∂GRU: ∂W_hz (batched)
fn slice_rows_45(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 462u); // %67 slice_rows ∂GRU: ∂W_hz (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 25u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_45(i, 0u);
  }
}

// ───── grad_small_batch_23_slice_rows_46.wgsl ─────
// rnnc kernel grad_small_batch_23_slice_rows_46: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %68 slice_rows ∂GRU: ∂W_hn (batched)
fn slice_rows_46(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 487u); // %68 slice_rows ∂GRU: ∂W_hn (batched)
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 362u); // %65 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 75u + 50u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_46(i, 0u);
  }
}

// ───── grad_small_batch_24_unbroadcast_47.wgsl ─────
// rnnc kernel grad_small_batch_24_unbroadcast_47: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %69 unbroadcast ∂GRU: ∂b_ir (batched)
fn unbroadcast_47(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 512u); // %69 unbroadcast ∂GRU: ∂b_ir (batched)
  let at1 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_47(i, 0u);
  }
}

// ───── grad_small_batch_25_unbroadcast_48.wgsl ─────
// rnnc kernel grad_small_batch_25_unbroadcast_48: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %70 unbroadcast ∂GRU: ∂b_iz (batched)
fn unbroadcast_48(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 517u); // %70 unbroadcast ∂GRU: ∂b_iz (batched)
  let at1 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_48(i, 0u);
  }
}

// ───── grad_small_batch_26_unbroadcast_49.wgsl ─────
// rnnc kernel grad_small_batch_26_unbroadcast_49: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %71 unbroadcast ∂GRU: ∂b_in (batched)
fn unbroadcast_49(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 522u); // %71 unbroadcast ∂GRU: ∂b_in (batched)
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_49(i, 0u);
  }
}

// ───── grad_small_batch_27_unbroadcast_50.wgsl ─────
// rnnc kernel grad_small_batch_27_unbroadcast_50: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %72 unbroadcast ∂GRU: ∂b_hn (batched)
fn unbroadcast_50(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 527u); // %72 unbroadcast ∂GRU: ∂b_hn (batched)
  let at1 = (dims.T_T * dims.B * 120u + dims.B * 35u + 272u); // ∂GRU output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_50(i, 0u);
  }
}

// ───── grad_small_batch_28_concat_51.wgsl ─────
// rnnc kernel grad_small_batch_28_concat_51: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %73 concat
fn concat_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 155u + dims.B * 75u + 532u); // %73 concat
  let at1 = (dims.T_T * dims.B * 115u + dims.B * 35u + 272u); // ∂GRU output 2
  let at2 = (dims.T_T * dims.B * 110u + dims.B * 35u + 272u); // ∂GRU output 1
  let at3 = (dims.T_T * dims.B * 105u + dims.B * 35u + 272u); // ∂GRU output 0
  let l = i / 15u;
  let j = i % 15u;
  var v = 0.0;
  if (j % 15u < 5u) { v = mem[at1 + l * 5u + j / 15u * 5u + j % 15u - 0u]; }
  else if (j % 15u < 10u) { v = mem[at2 + l * 5u + j / 15u * 5u + j % 15u - 5u]; }
  else { v = mem[at3 + l * 5u + j / 15u * 5u + j % 15u - 10u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 15u) {
    concat_51(i, 0u);
  }
}

// ───── grad_small_batch_29_matmul_52.wgsl ─────
// rnnc kernel grad_small_batch_29_matmul_52: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %74 matmul fused gate products
fn matmul_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 75u + 532u); // %74 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 155u + dims.B * 75u + 532u); // %73 concat
  let at2 = (dims.T_T * dims.B * 105u + dims.B * 35u + 227u); // %50 stack_rows packed W_in, W_iz, W_ir
  let l = i / 3u;
  let j = i % 3u;
  var acc = 0.0;
  let ao = l * 15u + (j / 3u) * 15u;
  let bo = j % 3u;
  for (var p = 0u; p < 15u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 3u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 3u) {
    matmul_52(i, 0u);
  }
}
