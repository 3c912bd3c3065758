// schedule: auto: steps, hybrid (each time loop one kernel) for B ≤ 136
// ───── forward_00_fill_0.wgsl ─────
// rnnc kernel forward_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %17 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 200u); // %17 const
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
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at1 = 0u; // %20 stack_rows packed W_ii, W_if, W_ig, W_io (in place)
  let at2 = 160u; // input x
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.T_T * dims.B * 20u) {
    matmul_1(i, 0u);
  }
}

// ───── forward_02_add_2_to_add_5.wgsl ─────
// rnnc kernel forward_02_add_2_to_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %24 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %27 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %30 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}
// %33 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}
// add_2, then add_3, then add_4, then add_5, element by element (one dispatch for all 4).
fn add_2_to_add_5(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
  add_5(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_5(i, 0u);
  }
}

// ───── forward_03_copy_6.wgsl ─────
// rnnc kernel forward_03_copy_6: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the initial h
fn copy_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u); // LSTM state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_6(i, 0u);
  }
}

// ───── forward_04_copy_7.wgsl ─────
// rnnc kernel forward_04_copy_7: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the initial c
fn copy_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 20u + 200u); // LSTM state c (even steps)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_7(i, 0u);
  }
}

// ───── forward_05_matmul_8.wgsl ─────
// rnnc kernel forward_05_matmul_8: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (LSTM: from the first step to the last): dispatch 1 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at1 = 60u; // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place)
  let at2 = select((dims.T_T * dims.B * 48u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (t - 1u) * dims.B * 5u, t != 0u); // LSTM state h
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.B * 20u) {
    matmul_8(i, step.s);
  }
}

// ───── forward_06_add_9_to_mul_10.wgsl ─────
// rnnc kernel forward_06_add_9_to_mul_10: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (LSTM: from the first step to the last): dispatch 2 of the 2 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
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

// %22 add c' — 34: c' = f * c + i * g
fn add_9(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 48u + dims.B * 25u + 200u), (dims.T_T * dims.B * 48u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at3 = select((dims.T_T * dims.B * 48u + dims.B * 20u + 200u), (dims.T_T * dims.B * 48u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  let at4 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u) + t * dims.B * 5u; // %24 add at step t
  let at5 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u) + t * dims.B * 5u; // %30 add at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])))) * mem[at3 + l * 5u + j]) + ((1.0 / (1.0 + exp(-(mem[at4 + l * 5u + j] + mem[at2 + l * 20u + j])))) * (tanh_f32((mem[at5 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]))));
}
// %24 mul h' — 35: h' = o * tanh(c')
fn mul_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at3 = select((dims.T_T * dims.B * 48u + dims.B * 25u + 200u), (dims.T_T * dims.B * 48u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])))) * (tanh_f32(mem[at3 + l * 5u + j]));
}
// add_9, then mul_10, element by element (one dispatch for both).
fn add_9_to_mul_10(i: u32, t: u32) {
  add_9(i, t);
  mul_10(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_9_to_mul_10(i, step.s);
  }
}

// ───── forward_07_copy_11.wgsl ─────
// rnnc kernel forward_07_copy_11: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the final h
fn copy_11(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 50u + 200u); // LSTM final h
  let at1 = select((dims.T_T * dims.B * 48u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // LSTM state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_11(i, 0u);
  }
}

// ───── forward_08_copy_12.wgsl ─────
// rnnc kernel forward_08_copy_12: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the final c
fn copy_12(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 55u + 200u); // LSTM final c
  let at1 = select((dims.T_T * dims.B * 48u + dims.B * 20u + 200u), (dims.T_T * dims.B * 48u + dims.B * 25u + 200u), dims.T_T % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_12(i, 0u);
  }
}

// ───── forward_small_batch_00_fill_0.wgsl ─────
// rnnc kernel forward_small_batch_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %17 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 200u); // %17 const
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
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at1 = 0u; // %20 stack_rows packed W_ii, W_if, W_ig, W_io (in place)
  let at2 = 160u; // input x
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.T_T * dims.B * 20u) {
    matmul_1(i, 0u);
  }
}

// ───── forward_small_batch_02_add_2_to_add_5.wgsl ─────
// rnnc kernel forward_small_batch_02_add_2_to_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %24 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %27 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %30 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}
// %33 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}
// add_2, then add_3, then add_4, then add_5, element by element (one dispatch for all 4).
fn add_2_to_add_5(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
  add_5(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_5(i, 0u);
  }
}

// ───── forward_small_batch_03_loop.wgsl ─────
// rnnc kernel forward_small_batch_03_loop: persistent, one workgroup of 64 threads runs 6 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (400 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
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

var<workgroup> cache: array<f32, 100>;

// LSTM: the initial h
fn copy_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u); // LSTM state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the initial c
fn copy_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 20u + 200u); // LSTM state c (even steps)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at1 = 0u; // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place) (in workgroup memory)
  let at2 = select((dims.T_T * dims.B * 48u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (t - 1u) * dims.B * 5u, t != 0u); // LSTM state h
  let l = i / 20u;
  let j = i % 20u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += cache[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

// %22 add c' — 34: c' = f * c + i * g
fn add_9(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 48u + dims.B * 25u + 200u), (dims.T_T * dims.B * 48u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at3 = select((dims.T_T * dims.B * 48u + dims.B * 20u + 200u), (dims.T_T * dims.B * 48u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  let at4 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u) + t * dims.B * 5u; // %24 add at step t
  let at5 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u) + t * dims.B * 5u; // %30 add at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])))) * mem[at3 + l * 5u + j]) + ((1.0 / (1.0 + exp(-(mem[at4 + l * 5u + j] + mem[at2 + l * 20u + j])))) * (tanh_f32((mem[at5 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]))));
}
// %24 mul h' — 35: h' = o * tanh(c')
fn mul_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at3 = select((dims.T_T * dims.B * 48u + dims.B * 25u + 200u), (dims.T_T * dims.B * 48u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])))) * (tanh_f32(mem[at3 + l * 5u + j]));
}
// add_9, then mul_10, element by element (one dispatch for both).
fn add_9_to_mul_10(i: u32, t: u32) {
  add_9(i, t);
  mul_10(i, t);
}

// LSTM: the final h
fn copy_11(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 50u + 200u); // LSTM final h
  let at1 = select((dims.T_T * dims.B * 48u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // LSTM state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the final c
fn copy_12(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 55u + 200u); // LSTM final c
  let at1 = select((dims.T_T * dims.B * 48u + dims.B * 20u + 200u), (dims.T_T * dims.B * 48u + dims.B * 25u + 200u), dims.T_T % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place)
  for (var i = lane; i < 100u; i += 64u) {
    cache[0u + i] = mem[60u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_6(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_7(i, 0u);
  }
  storageBarrier();
  // LSTM: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < dims.B * 20u; i += 64u) {
      matmul_8(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_9_to_mul_10(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_11(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_12(i, 0u);
  }
  storageBarrier();
}

// ───── grad_00_fill_0.wgsl ─────
// rnnc kernel grad_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %17 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 200u); // %17 const
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
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at1 = 0u; // %20 stack_rows packed W_ii, W_if, W_ig, W_io (in place)
  let at2 = 160u; // input x
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.T_T * dims.B * 20u) {
    matmul_1(i, 0u);
  }
}

// ───── grad_02_add_2_to_add_5.wgsl ─────
// rnnc kernel grad_02_add_2_to_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %24 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %27 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %30 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}
// %33 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}
// add_2, then add_3, then add_4, then add_5, element by element (one dispatch for all 4).
fn add_2_to_add_5(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
  add_5(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_5(i, 0u);
  }
}

// ───── grad_03_copy_6.wgsl ─────
// rnnc kernel grad_03_copy_6: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the initial h
fn copy_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 15u + 200u); // LSTM state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_6(i, 0u);
  }
}

// ───── grad_04_copy_7.wgsl ─────
// rnnc kernel grad_04_copy_7: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the initial c
fn copy_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 20u + 200u); // LSTM state c (even steps)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_7(i, 0u);
  }
}

// ───── grad_05_matmul_8.wgsl ─────
// rnnc kernel grad_05_matmul_8: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (LSTM: from the first step to the last): dispatch 1 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at1 = 60u; // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place)
  let at2 = select((dims.T_T * dims.B * 78u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (t - 1u) * dims.B * 5u, t != 0u); // LSTM state h
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.B * 20u) {
    matmul_8(i, step.s);
  }
}

// ───── grad_06_sigmoid_9_to_mul_15.wgsl ─────
// rnnc kernel grad_06_sigmoid_9_to_mul_15: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (LSTM: from the first step to the last): dispatch 2 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
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

// %10 sigmoid i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn sigmoid_9(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j])));
}
// %13 sigmoid f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn sigmoid_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])));
}
// %16 tanh g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn tanh_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u) + t * dims.B * 5u; // %30 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32((mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]));
}
// %19 sigmoid o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn sigmoid_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])));
}
// %22 add c' — 34: c' = f * c + i * g
fn add_13(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 78u + dims.B * 25u + 200u), (dims.T_T * dims.B * 78u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let at2 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  let at3 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at4 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}
// %23 tanh — 35: h' = o * tanh(c')
fn tanh_14(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 25u + 200u), (dims.T_T * dims.B * 78u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32(mem[at1 + l * 5u + j]);
}
// %24 mul h' — 35: h' = o * tanh(c')
fn mul_15(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// sigmoid_9, then sigmoid_10, then tanh_11, then sigmoid_12, then add_13, then tanh_14, then mul_15, element by element (one dispatch for all 7).
fn sigmoid_9_to_mul_15(i: u32, t: u32) {
  sigmoid_9(i, t);
  sigmoid_10(i, t);
  tanh_11(i, t);
  sigmoid_12(i, t);
  add_13(i, t);
  tanh_14(i, t);
  mul_15(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_9_to_mul_15(i, step.s);
  }
}

// ───── grad_07_copy_16.wgsl ─────
// rnnc kernel grad_07_copy_16: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (LSTM: from the first step to the last): dispatch 3 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// LSTM: step output 6 at step t
fn copy_16(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 6
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_16(i, step.s);
  }
}

// ───── grad_08_copy_17.wgsl ─────
// rnnc kernel grad_08_copy_17: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the final h
fn copy_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 50u + 200u); // LSTM final h
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // LSTM state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_17(i, 0u);
  }
}

// ───── grad_09_copy_18.wgsl ─────
// rnnc kernel grad_09_copy_18: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the final c
fn copy_18(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 55u + 200u); // LSTM final c
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), dims.T_T % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_18(i, 0u);
  }
}

// ───── grad_10_mul_19.wgsl ─────
// rnnc kernel grad_10_mul_19: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %40 mul
fn mul_19(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 83u + dims.B * 60u + 200u); // %40 mul
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u); // LSTM output 0
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 60u + 200u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_19(i, 0u);
  }
}

// ───── grad_11_sum_20.wgsl ─────
// rnnc kernel grad_11_sum_20: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %41 sum
fn sum_20(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 88u + dims.B * 60u + 200u); // %41 sum
  let at1 = (dims.T_T * dims.B * 83u + dims.B * 60u + 200u); // %40 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    sum_20(i, 0u);
  }
}

// ───── grad_12_reduce_lead_21.wgsl ─────
// rnnc kernel grad_12_reduce_lead_21: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %42 reduce_lead loss
fn reduce_lead_21(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 200u); // %42 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 88u + dims.B * 60u + 200u); // %41 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    reduce_lead_21(i, 0u);
  }
}

// ───── grad_13_fill_22.wgsl ─────
// rnnc kernel grad_13_fill_22: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// literal 1.0
fn fill_22(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 201u); // literal 1.0
  mem[at0 + i] = 1.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    fill_22(i, 0u);
  }
}

// ───── grad_14_broadcast_to_23.wgsl ─────
// rnnc kernel grad_14_broadcast_to_23: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %44 broadcast_to ∂loss
fn broadcast_to_23(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 202u); // %44 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 60u + 201u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    broadcast_to_23(i, 0u);
  }
}

// ───── grad_15_expand_last_24.wgsl ─────
// rnnc kernel grad_15_expand_last_24: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %45 expand_last
fn expand_last_24(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 60u + 202u); // %45 expand_last
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 60u + 202u); // %44 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    expand_last_24(i, 0u);
  }
}

// ───── grad_16_mul_25.wgsl ─────
// rnnc kernel grad_16_mul_25: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %46 mul
fn mul_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 60u + 202u); // %46 mul
  let at1 = (dims.T_T * dims.B * 90u + dims.B * 60u + 202u); // %45 expand_last
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 60u + 200u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_25(i, 0u);
  }
}

// ───── grad_17_time_shift_26.wgsl ─────
// rnnc kernel grad_17_time_shift_26: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %53 time_shift LSTM: previous h
fn time_shift_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 60u + 202u); // %53 time_shift LSTM: previous h
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u); // LSTM output 0
  let at2 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    time_shift_26(i, 0u);
  }
}

// ───── grad_18_sub_27_to_mul_31.wgsl ─────
// rnnc kernel grad_18_sub_27_to_mul_31: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %55 sub — 35: h' = o * tanh(c')
fn sub_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 60u + 202u); // %55 sub
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u); // LSTM output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %57 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_28(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 60u + 202u); // %57 mul ∂o
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u); // LSTM output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %59 sub ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn sub_29(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 60u + 202u); // %59 sub ∂g
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u); // LSTM output 3
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %61 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_30(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 60u + 202u); // %61 mul ∂f
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u); // LSTM output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %63 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_31(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 60u + 202u); // %63 mul ∂i
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u); // LSTM output 4
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// sub_27, then mul_28, then sub_29, then mul_30, then mul_31, element by element (one dispatch for all 5).
fn sub_27_to_mul_31(i: u32, _t: u32) {
  sub_27(i, _t);
  mul_28(i, _t);
  sub_29(i, _t);
  mul_30(i, _t);
  mul_31(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_27_to_mul_31(i, 0u);
  }
}

// ───── grad_19_stack_rows_32.wgsl ─────
// rnnc kernel grad_19_stack_rows_32: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
fn stack_rows_32(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 202u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let at1 = 135u; // param W_ho
  let at2 = 110u; // param W_hg
  let at3 = 85u; // param W_hf
  let at4 = 60u; // param W_hi
  let l = i / 100u;
  let j = i % 100u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else if (j < 75u) { v = mem[at3 + l * 25u + j - 50u]; }
  else { v = mem[at4 + l * 25u + j - 75u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 100u) {
    stack_rows_32(i, 0u);
  }
}

// ───── grad_20_stack_rows_33.wgsl ─────
// rnnc kernel grad_20_stack_rows_33: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %65 stack_rows packed W_io, W_ig, W_if, W_ii
fn stack_rows_33(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 302u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let at1 = 45u; // param W_io
  let at2 = 30u; // param W_ig
  let at3 = 15u; // param W_if
  let at4 = 0u; // param W_ii
  let l = i / 60u;
  let j = i % 60u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else if (j < 45u) { v = mem[at3 + l * 15u + j - 30u]; }
  else { v = mem[at4 + l * 15u + j - 45u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 60u) {
    stack_rows_33(i, 0u);
  }
}

// ───── grad_21_copy_34.wgsl ─────
// rnnc kernel grad_21_copy_34: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the initial ∂h
fn copy_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 60u + 362u); // ∂LSTM state ∂h (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_34(i, 0u);
  }
}

// ───── grad_22_copy_35.wgsl ─────
// rnnc kernel grad_22_copy_35: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the initial ∂c
fn copy_35(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 70u + 362u); // ∂LSTM state ∂c (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_35(i, 0u);
  }
}

// ───── grad_23_add_36_to_mul_42.wgsl ─────
// rnnc kernel grad_23_add_36_to_mul_42: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂LSTM: from the last step to the first): dispatch 1 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %3 add
fn add_36(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T * dims.B * 150u + dims.B * 65u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM state ∂h
  let at2 = (dims.T_T * dims.B * 95u + dims.B * 60u + 202u) + t * dims.B * 5u; // %46 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}
// %10 add
fn add_37(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T * dims.B * 150u + dims.B * 75u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM state ∂c
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at4 = (dims.T_T * dims.B * 105u + dims.B * 60u + 202u) + t * dims.B * 5u; // %55 sub at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + ((mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]) * mem[at4 + l * 5u + j]);
}
// %18 mul — 34: c' = f * c + i * g
fn mul_38(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 150u + dims.B * 75u + 362u), (dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM next state ∂c
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// %20 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_39(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 3 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at3 = (dims.T_T * dims.B * 110u + dims.B * 60u + 202u) + t * dims.B * 5u; // %57 mul ∂o at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %22 mul ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn mul_40(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 2 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 60u + 202u) + t * dims.B * 5u; // %59 sub ∂g at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %24 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_41(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 1 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 73u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 6 at step t
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 60u + 202u) + t * dims.B * 5u; // %61 mul ∂f at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %26 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_42(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at3 = (dims.T_T * dims.B * 125u + dims.B * 60u + 202u) + t * dims.B * 5u; // %63 mul ∂i at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// add_36, then add_37, then mul_38, then mul_39, then mul_40, then mul_41, then mul_42, element by element (one dispatch for all 7).
fn add_36_to_mul_42(i: u32, t: u32) {
  add_36(i, t);
  add_37(i, t);
  mul_38(i, t);
  mul_39(i, t);
  mul_40(i, t);
  mul_41(i, t);
  mul_42(i, t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_36_to_mul_42(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_24_concat_43.wgsl ─────
// rnnc kernel grad_24_concat_43: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂LSTM: from the last step to the first): dispatch 2 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %27 concat
fn concat_43(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 90u + 362u); // %27 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 3 at step t
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 2 at step t
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 1 at step t
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 0 at step t
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 20u) {
    concat_43(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_25_matmul_44.wgsl ─────
// rnnc kernel grad_25_matmul_44: one thread per element, 64 per workgroup.
// Dispatched once per step of the time loop (∂LSTM: from the last step to the first): dispatch 3 of the 3 a step takes.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

struct Step {
  s: u32, // the step of the time loop, counted from its start
}
@group(0) @binding(2) var<uniform> step: Step;

// %29 matmul fused gate products
fn matmul_44(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 150u + dims.B * 65u + 362u), (dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM next state ∂h
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 90u + 362u); // %27 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 60u + 202u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let l = i / 5u;
  let j = i % 5u;
  var acc = 0.0;
  let ao = l * 20u + (j / 5u) * 20u;
  let bo = j % 5u;
  for (var p = 0u; p < 20u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 5u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    matmul_44(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_26_copy_45.wgsl ─────
// rnnc kernel grad_26_copy_45: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the final ∂h
fn copy_45(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 110u + 362u); // ∂LSTM final ∂h
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T * dims.B * 150u + dims.B * 65u + 362u), dims.T_T % 2u == 1u); // ∂LSTM state ∂h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_45(i, 0u);
  }
}

// ───── grad_27_copy_46.wgsl ─────
// rnnc kernel grad_27_copy_46: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the final ∂c
fn copy_46(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 115u + 362u); // ∂LSTM final ∂c
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T * dims.B * 150u + dims.B * 75u + 362u), dims.T_T % 2u == 1u); // ∂LSTM state ∂c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_46(i, 0u);
  }
}

// ───── grad_28_concat_47.wgsl ─────
// rnnc kernel grad_28_concat_47: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %73 concat
fn concat_47(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let at2 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let at3 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let at4 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 20u) {
    concat_47(i, 0u);
  }
}

// ───── grad_29_unbroadcast_48.wgsl ─────
// rnnc kernel grad_29_unbroadcast_48: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %75 unbroadcast fused weight gradients
fn unbroadcast_48(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at2 = 160u; // input x
  let j = i % 60u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 60u) {
    unbroadcast_48(i, 0u);
  }
}

// ───── grad_30_slice_rows_49.wgsl ─────
// rnnc kernel grad_30_slice_rows_49: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %76 slice_rows ∂LSTM: ∂W_ii (batched)
fn slice_rows_49(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 422u); // %76 slice_rows ∂LSTM: ∂W_ii (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_49(i, 0u);
  }
}

// ───── grad_31_slice_rows_50.wgsl ─────
// rnnc kernel grad_31_slice_rows_50: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %77 slice_rows ∂LSTM: ∂W_if (batched)
fn slice_rows_50(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 437u); // %77 slice_rows ∂LSTM: ∂W_if (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 15u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_50(i, 0u);
  }
}

// ───── grad_32_slice_rows_51.wgsl ─────
// rnnc kernel grad_32_slice_rows_51: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %78 slice_rows ∂LSTM: ∂W_ig (batched)
fn slice_rows_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 452u); // %78 slice_rows ∂LSTM: ∂W_ig (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 30u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_51(i, 0u);
  }
}

// ───── grad_33_slice_rows_52.wgsl ─────
// rnnc kernel grad_33_slice_rows_52: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %79 slice_rows ∂LSTM: ∂W_io (batched)
fn slice_rows_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 467u); // %79 slice_rows ∂LSTM: ∂W_io (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 45u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_52(i, 0u);
  }
}

// ───── grad_34_unbroadcast_53.wgsl ─────
// rnnc kernel grad_34_unbroadcast_53: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %81 unbroadcast fused weight gradients
fn unbroadcast_53(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at2 = (dims.T_T * dims.B * 100u + dims.B * 60u + 202u); // %53 time_shift LSTM: previous h
  let j = i % 100u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 100u) {
    unbroadcast_53(i, 0u);
  }
}

// ───── grad_35_slice_rows_54.wgsl ─────
// rnnc kernel grad_35_slice_rows_54: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %82 slice_rows ∂LSTM: ∂W_hi (batched)
fn slice_rows_54(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 582u); // %82 slice_rows ∂LSTM: ∂W_hi (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_54(i, 0u);
  }
}

// ───── grad_36_slice_rows_55.wgsl ─────
// rnnc kernel grad_36_slice_rows_55: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %83 slice_rows ∂LSTM: ∂W_hf (batched)
fn slice_rows_55(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 607u); // %83 slice_rows ∂LSTM: ∂W_hf (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 25u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_55(i, 0u);
  }
}

// ───── grad_37_slice_rows_56.wgsl ─────
// rnnc kernel grad_37_slice_rows_56: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %84 slice_rows ∂LSTM: ∂W_hg (batched)
fn slice_rows_56(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 632u); // %84 slice_rows ∂LSTM: ∂W_hg (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 50u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_56(i, 0u);
  }
}

// ───── grad_38_slice_rows_57.wgsl ─────
// rnnc kernel grad_38_slice_rows_57: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %85 slice_rows ∂LSTM: ∂W_ho (batched)
fn slice_rows_57(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 657u); // %85 slice_rows ∂LSTM: ∂W_ho (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 75u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_57(i, 0u);
  }
}

// ───── grad_39_unbroadcast_58.wgsl ─────
// rnnc kernel grad_39_unbroadcast_58: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %86 unbroadcast ∂LSTM: ∂b_ii (batched)
fn unbroadcast_58(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 682u); // %86 unbroadcast ∂LSTM: ∂b_ii (batched)
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_58(i, 0u);
  }
}

// ───── grad_40_unbroadcast_59.wgsl ─────
// rnnc kernel grad_40_unbroadcast_59: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %87 unbroadcast ∂LSTM: ∂b_if (batched)
fn unbroadcast_59(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 687u); // %87 unbroadcast ∂LSTM: ∂b_if (batched)
  let at1 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_59(i, 0u);
  }
}

// ───── grad_41_unbroadcast_60.wgsl ─────
// rnnc kernel grad_41_unbroadcast_60: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %88 unbroadcast ∂LSTM: ∂b_ig (batched)
fn unbroadcast_60(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 692u); // %88 unbroadcast ∂LSTM: ∂b_ig (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_60(i, 0u);
  }
}

// ───── grad_42_unbroadcast_61.wgsl ─────
// rnnc kernel grad_42_unbroadcast_61: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %89 unbroadcast ∂LSTM: ∂b_io (batched)
fn unbroadcast_61(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 697u); // %89 unbroadcast ∂LSTM: ∂b_io (batched)
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_61(i, 0u);
  }
}

// ───── grad_43_concat_62.wgsl ─────
// rnnc kernel grad_43_concat_62: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %90 concat
fn concat_62(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 702u); // %90 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 20u) {
    concat_62(i, 0u);
  }
}

// ───── grad_44_matmul_63.wgsl ─────
// rnnc kernel grad_44_matmul_63: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %91 matmul fused gate products
fn matmul_63(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 190u + dims.B * 120u + 702u); // %91 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 702u); // %90 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 60u + 302u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let l = i / 3u;
  let j = i % 3u;
  var acc = 0.0;
  let ao = l * 20u + (j / 3u) * 20u;
  let bo = j % 3u;
  for (var p = 0u; p < 20u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 3u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 3u) {
    matmul_63(i, 0u);
  }
}

// ───── grad_small_batch_00_fill_0.wgsl ─────
// rnnc kernel grad_small_batch_00_fill_0: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %17 const — 9: state h: [H]
fn fill_0(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + 200u); // %17 const
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
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at1 = 0u; // %20 stack_rows packed W_ii, W_if, W_ig, W_io (in place)
  let at2 = 160u; // input x
  let l = i / 20u;
  let j = i % 20u;
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
  if (i < dims.T_T * dims.B * 20u) {
    matmul_1(i, 0u);
  }
}

// ───── grad_small_batch_02_add_2_to_add_5.wgsl ─────
// rnnc kernel grad_small_batch_02_add_2_to_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %24 add
fn add_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}
// %27 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}
// %30 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}
// %33 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}
// add_2, then add_3, then add_4, then add_5, element by element (one dispatch for all 4).
fn add_2_to_add_5(i: u32, _t: u32) {
  add_2(i, _t);
  add_3(i, _t);
  add_4(i, _t);
  add_5(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_2_to_add_5(i, 0u);
  }
}

// ───── grad_small_batch_03_loop.wgsl ─────
// rnnc kernel grad_small_batch_03_loop: persistent, one workgroup of 64 threads runs 7 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (400 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
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

var<workgroup> cache: array<f32, 100>;

// LSTM: the initial h
fn copy_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 15u + 200u); // LSTM state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the initial c
fn copy_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 20u + 200u); // LSTM state c (even steps)
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn matmul_8(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let at1 = 0u; // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place) (in workgroup memory)
  let at2 = select((dims.T_T * dims.B * 78u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (t - 1u) * dims.B * 5u, t != 0u); // LSTM state h
  let l = i / 20u;
  let j = i % 20u;
  var acc = 0.0;
  let ao = j * 5u;
  let bo = l * 5u;
  for (var p = 0u; p < 5u; p++) {
    acc += cache[at1 + ao + p] * mem[at2 + bo + p];
  }
  mem[at0 + i] = acc;
}

// %10 sigmoid i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn sigmoid_9(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 15u + 200u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j])));
}
// %13 sigmoid f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn sigmoid_10(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 200u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])));
}
// %16 tanh g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn tanh_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 15u + 200u) + t * dims.B * 5u; // %30 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32((mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]));
}
// %19 sigmoid o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn sigmoid_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 200u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 30u + 200u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])));
}
// %22 add c' — 34: c' = f * c + i * g
fn add_13(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 78u + dims.B * 25u + 200u), (dims.T_T * dims.B * 78u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let at2 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  let at3 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at4 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}
// %23 tanh — 35: h' = o * tanh(c')
fn tanh_14(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 25u + 200u), (dims.T_T * dims.B * 78u + dims.B * 20u + 200u), t % 2u == 1u); // LSTM next state c
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh_f32(mem[at1 + l * 5u + j]);
}
// %24 mul h' — 35: h' = o * tanh(c')
fn mul_15(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// sigmoid_9, then sigmoid_10, then tanh_11, then sigmoid_12, then add_13, then tanh_14, then mul_15, element by element (one dispatch for all 7).
fn sigmoid_9_to_mul_15(i: u32, t: u32) {
  sigmoid_9(i, t);
  sigmoid_10(i, t);
  tanh_11(i, t);
  sigmoid_12(i, t);
  add_13(i, t);
  tanh_14(i, t);
  mul_15(i, t);
}

// LSTM: step output 6 at step t
fn copy_16(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 6
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), t % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the final h
fn copy_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 50u + 200u); // LSTM final h
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 15u + 200u), (dims.T_T * dims.B * 43u + dims.B * 15u + 200u) + (dims.T_T - 1u) * dims.B * 5u, dims.T_T > 0u); // LSTM state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the final c
fn copy_18(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 55u + 200u); // LSTM final c
  let at1 = select((dims.T_T * dims.B * 78u + dims.B * 20u + 200u), (dims.T_T * dims.B * 78u + dims.B * 25u + 200u), dims.T_T % 2u == 1u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place)
  for (var i = lane; i < 100u; i += 64u) {
    cache[0u + i] = mem[60u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_6(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_7(i, 0u);
  }
  storageBarrier();
  // LSTM: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < dims.B * 20u; i += 64u) {
      matmul_8(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_9_to_mul_15(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_16(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_17(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_18(i, 0u);
  }
  storageBarrier();
}

// ───── grad_small_batch_04_mul_19.wgsl ─────
// rnnc kernel grad_small_batch_04_mul_19: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %40 mul
fn mul_19(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 83u + dims.B * 60u + 200u); // %40 mul
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u); // LSTM output 0
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 60u + 200u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_19(i, 0u);
  }
}

// ───── grad_small_batch_05_sum_20.wgsl ─────
// rnnc kernel grad_small_batch_05_sum_20: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %41 sum
fn sum_20(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 88u + dims.B * 60u + 200u); // %41 sum
  let at1 = (dims.T_T * dims.B * 83u + dims.B * 60u + 200u); // %40 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    sum_20(i, 0u);
  }
}

// ───── grad_small_batch_06_reduce_lead_21.wgsl ─────
// rnnc kernel grad_small_batch_06_reduce_lead_21: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %42 reduce_lead loss
fn reduce_lead_21(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 200u); // %42 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 88u + dims.B * 60u + 200u); // %41 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    reduce_lead_21(i, 0u);
  }
}

// ───── grad_small_batch_07_fill_22.wgsl ─────
// rnnc kernel grad_small_batch_07_fill_22: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// literal 1.0
fn fill_22(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 201u); // literal 1.0
  mem[at0 + i] = 1.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    fill_22(i, 0u);
  }
}

// ───── grad_small_batch_08_broadcast_to_23.wgsl ─────
// rnnc kernel grad_small_batch_08_broadcast_to_23: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %44 broadcast_to ∂loss
fn broadcast_to_23(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 60u + 202u); // %44 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 60u + 201u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    broadcast_to_23(i, 0u);
  }
}

// ───── grad_small_batch_09_expand_last_24.wgsl ─────
// rnnc kernel grad_small_batch_09_expand_last_24: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %45 expand_last
fn expand_last_24(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 60u + 202u); // %45 expand_last
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 60u + 202u); // %44 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    expand_last_24(i, 0u);
  }
}

// ───── grad_small_batch_10_mul_25.wgsl ─────
// rnnc kernel grad_small_batch_10_mul_25: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %46 mul
fn mul_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 60u + 202u); // %46 mul
  let at1 = (dims.T_T * dims.B * 90u + dims.B * 60u + 202u); // %45 expand_last
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 60u + 200u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_25(i, 0u);
  }
}

// ───── grad_small_batch_11_time_shift_26.wgsl ─────
// rnnc kernel grad_small_batch_11_time_shift_26: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %53 time_shift LSTM: previous h
fn time_shift_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 60u + 202u); // %53 time_shift LSTM: previous h
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 200u); // LSTM output 0
  let at2 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    time_shift_26(i, 0u);
  }
}

// ───── grad_small_batch_12_sub_27_to_mul_31.wgsl ─────
// rnnc kernel grad_small_batch_12_sub_27_to_mul_31: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %55 sub — 35: h' = o * tanh(c')
fn sub_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 60u + 202u); // %55 sub
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u); // LSTM output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %57 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_28(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 60u + 202u); // %57 mul ∂o
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u); // LSTM output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %59 sub ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn sub_29(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 60u + 202u); // %59 sub ∂g
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u); // LSTM output 3
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}
// %61 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_30(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 60u + 202u); // %61 mul ∂f
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u); // LSTM output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// %63 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_31(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 60u + 202u); // %63 mul ∂i
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u); // LSTM output 4
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}
// sub_27, then mul_28, then sub_29, then mul_30, then mul_31, element by element (one dispatch for all 5).
fn sub_27_to_mul_31(i: u32, _t: u32) {
  sub_27(i, _t);
  mul_28(i, _t);
  sub_29(i, _t);
  mul_30(i, _t);
  mul_31(i, _t);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_27_to_mul_31(i, 0u);
  }
}

// ───── grad_small_batch_13_loop.wgsl ─────
// rnnc kernel grad_small_batch_13_loop: persistent, one workgroup of 64 threads runs 9 phases in one dispatch,
// with a barrier between phases.
// The weights its time loops read are copied into workgroup memory first (400 bytes).
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

var<workgroup> cache: array<f32, 100>;

// %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
fn stack_rows_32(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 202u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let at1 = 135u; // param W_ho
  let at2 = 110u; // param W_hg
  let at3 = 85u; // param W_hf
  let at4 = 60u; // param W_hi
  let l = i / 100u;
  let j = i % 100u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else if (j < 75u) { v = mem[at3 + l * 25u + j - 50u]; }
  else { v = mem[at4 + l * 25u + j - 75u]; }
  mem[at0 + i] = v;
}

// %65 stack_rows packed W_io, W_ig, W_if, W_ii
fn stack_rows_33(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 302u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let at1 = 45u; // param W_io
  let at2 = 30u; // param W_ig
  let at3 = 15u; // param W_if
  let at4 = 0u; // param W_ii
  let l = i / 60u;
  let j = i % 60u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else if (j < 45u) { v = mem[at3 + l * 15u + j - 30u]; }
  else { v = mem[at4 + l * 15u + j - 45u]; }
  mem[at0 + i] = v;
}

// ∂LSTM: the initial ∂h
fn copy_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 60u + 362u); // ∂LSTM state ∂h (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: the initial ∂c
fn copy_35(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 70u + 362u); // ∂LSTM state ∂c (even steps)
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

// %3 add
fn add_36(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T * dims.B * 150u + dims.B * 65u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM state ∂h
  let at2 = (dims.T_T * dims.B * 95u + dims.B * 60u + 202u) + t * dims.B * 5u; // %46 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}
// %10 add
fn add_37(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T * dims.B * 150u + dims.B * 75u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM state ∂c
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at4 = (dims.T_T * dims.B * 105u + dims.B * 60u + 202u) + t * dims.B * 5u; // %55 sub at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + ((mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]) * mem[at4 + l * 5u + j]);
}
// %18 mul — 34: c' = f * c + i * g
fn mul_38(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 150u + dims.B * 75u + 362u), (dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM next state ∂c
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 68u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}
// %20 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_39(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 3 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 80u + 362u); // %3 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at3 = (dims.T_T * dims.B * 110u + dims.B * 60u + 202u) + t * dims.B * 5u; // %57 mul ∂o at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %22 mul ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn mul_40(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 2 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 60u + 202u) + t * dims.B * 5u; // %59 sub ∂g at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %24 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_41(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 1 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 73u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 6 at step t
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 60u + 202u) + t * dims.B * 5u; // %61 mul ∂f at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// %26 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_42(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 0 at step t
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 85u + 362u); // %10 add
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 15u + 200u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at3 = (dims.T_T * dims.B * 125u + dims.B * 60u + 202u) + t * dims.B * 5u; // %63 mul ∂i at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}
// add_36, then add_37, then mul_38, then mul_39, then mul_40, then mul_41, then mul_42, element by element (one dispatch for all 7).
fn add_36_to_mul_42(i: u32, t: u32) {
  add_36(i, t);
  add_37(i, t);
  mul_38(i, t);
  mul_39(i, t);
  mul_40(i, t);
  mul_41(i, t);
  mul_42(i, t);
}

// %27 concat
fn concat_43(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 90u + 362u); // %27 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 3 at step t
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 2 at step t
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 1 at step t
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u) + t * dims.B * 5u; // ∂LSTM output 0 at step t
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

// %29 matmul fused gate products
fn matmul_44(i: u32, t: u32) {
  let at0 = select((dims.T_T * dims.B * 150u + dims.B * 65u + 362u), (dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T - 1u - t) % 2u == 1u); // ∂LSTM next state ∂h
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 90u + 362u); // %27 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 60u + 202u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let l = i / 5u;
  let j = i % 5u;
  var acc = 0.0;
  let ao = l * 20u + (j / 5u) * 20u;
  let bo = j % 5u;
  for (var p = 0u; p < 20u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 5u];
  }
  mem[at0 + i] = acc;
}

// ∂LSTM: the final ∂h
fn copy_45(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 110u + 362u); // ∂LSTM final ∂h
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 60u + 362u), (dims.T_T * dims.B * 150u + dims.B * 65u + 362u), dims.T_T % 2u == 1u); // ∂LSTM state ∂h
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: the final ∂c
fn copy_46(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 115u + 362u); // ∂LSTM final ∂c
  let at1 = select((dims.T_T * dims.B * 150u + dims.B * 70u + 362u), (dims.T_T * dims.B * 150u + dims.B * 75u + 362u), dims.T_T % 2u == 1u); // ∂LSTM state ∂c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho (in place)
  for (var i = lane; i < 100u; i += 64u) {
    cache[0u + i] = mem[60u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < 100u; i += 64u) {
    stack_rows_32(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 60u; i += 64u) {
    stack_rows_33(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_34(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_35(i, 0u);
  }
  storageBarrier();
  // ∂LSTM: from the last step to the first
  for (var s = 0u; s < dims.T_T; s++) {
    let t = dims.T_T - 1u - s;
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_36_to_mul_42(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 20u; i += 64u) {
      concat_43(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      matmul_44(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_45(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_46(i, 0u);
  }
  storageBarrier();
}

// ───── grad_small_batch_14_concat_47.wgsl ─────
// rnnc kernel grad_small_batch_14_concat_47: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %73 concat
fn concat_47(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let at2 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let at3 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let at4 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 20u) {
    concat_47(i, 0u);
  }
}

// ───── grad_small_batch_15_unbroadcast_48.wgsl ─────
// rnnc kernel grad_small_batch_15_unbroadcast_48: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %75 unbroadcast fused weight gradients
fn unbroadcast_48(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at2 = 160u; // input x
  let j = i % 60u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 60u) {
    unbroadcast_48(i, 0u);
  }
}

// ───── grad_small_batch_16_slice_rows_49.wgsl ─────
// rnnc kernel grad_small_batch_16_slice_rows_49: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %76 slice_rows ∂LSTM: ∂W_ii (batched)
fn slice_rows_49(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 422u); // %76 slice_rows ∂LSTM: ∂W_ii (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_49(i, 0u);
  }
}

// ───── grad_small_batch_17_slice_rows_50.wgsl ─────
// rnnc kernel grad_small_batch_17_slice_rows_50: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %77 slice_rows ∂LSTM: ∂W_if (batched)
fn slice_rows_50(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 437u); // %77 slice_rows ∂LSTM: ∂W_if (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 15u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_50(i, 0u);
  }
}

// ───── grad_small_batch_18_slice_rows_51.wgsl ─────
// rnnc kernel grad_small_batch_18_slice_rows_51: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %78 slice_rows ∂LSTM: ∂W_ig (batched)
fn slice_rows_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 452u); // %78 slice_rows ∂LSTM: ∂W_ig (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 30u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_51(i, 0u);
  }
}

// ───── grad_small_batch_19_slice_rows_52.wgsl ─────
// rnnc kernel grad_small_batch_19_slice_rows_52: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %79 slice_rows ∂LSTM: ∂W_io (batched)
fn slice_rows_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 467u); // %79 slice_rows ∂LSTM: ∂W_io (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 362u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 45u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_52(i, 0u);
  }
}

// ───── grad_small_batch_20_unbroadcast_53.wgsl ─────
// rnnc kernel grad_small_batch_20_unbroadcast_53: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %81 unbroadcast fused weight gradients
fn unbroadcast_53(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 362u); // %73 concat
  let at2 = (dims.T_T * dims.B * 100u + dims.B * 60u + 202u); // %53 time_shift LSTM: previous h
  let j = i % 100u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 100u) {
    unbroadcast_53(i, 0u);
  }
}

// ───── grad_small_batch_21_slice_rows_54.wgsl ─────
// rnnc kernel grad_small_batch_21_slice_rows_54: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %82 slice_rows ∂LSTM: ∂W_hi (batched)
fn slice_rows_54(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 582u); // %82 slice_rows ∂LSTM: ∂W_hi (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_54(i, 0u);
  }
}

// ───── grad_small_batch_22_slice_rows_55.wgsl ─────
// rnnc kernel grad_small_batch_22_slice_rows_55: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %83 slice_rows ∂LSTM: ∂W_hf (batched)
fn slice_rows_55(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 607u); // %83 slice_rows ∂LSTM: ∂W_hf (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 25u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_55(i, 0u);
  }
}

// ───── grad_small_batch_23_slice_rows_56.wgsl ─────
// rnnc kernel grad_small_batch_23_slice_rows_56: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %84 slice_rows ∂LSTM: ∂W_hg (batched)
fn slice_rows_56(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 632u); // %84 slice_rows ∂LSTM: ∂W_hg (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 50u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_56(i, 0u);
  }
}

// ───── grad_small_batch_24_slice_rows_57.wgsl ─────
// rnnc kernel grad_small_batch_24_slice_rows_57: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %85 slice_rows ∂LSTM: ∂W_ho (batched)
fn slice_rows_57(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 657u); // %85 slice_rows ∂LSTM: ∂W_ho (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 482u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 75u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_57(i, 0u);
  }
}

// ───── grad_small_batch_25_unbroadcast_58.wgsl ─────
// rnnc kernel grad_small_batch_25_unbroadcast_58: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %86 unbroadcast ∂LSTM: ∂b_ii (batched)
fn unbroadcast_58(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 682u); // %86 unbroadcast ∂LSTM: ∂b_ii (batched)
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_58(i, 0u);
  }
}

// ───── grad_small_batch_26_unbroadcast_59.wgsl ─────
// rnnc kernel grad_small_batch_26_unbroadcast_59: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %87 unbroadcast ∂LSTM: ∂b_if (batched)
fn unbroadcast_59(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 687u); // %87 unbroadcast ∂LSTM: ∂b_if (batched)
  let at1 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_59(i, 0u);
  }
}

// ───── grad_small_batch_27_unbroadcast_60.wgsl ─────
// rnnc kernel grad_small_batch_27_unbroadcast_60: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %88 unbroadcast ∂LSTM: ∂b_ig (batched)
fn unbroadcast_60(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 692u); // %88 unbroadcast ∂LSTM: ∂b_ig (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_60(i, 0u);
  }
}

// ───── grad_small_batch_28_unbroadcast_61.wgsl ─────
// rnnc kernel grad_small_batch_28_unbroadcast_61: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %89 unbroadcast ∂LSTM: ∂b_io (batched)
fn unbroadcast_61(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 697u); // %89 unbroadcast ∂LSTM: ∂b_io (batched)
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_61(i, 0u);
  }
}

// ───── grad_small_batch_29_concat_62.wgsl ─────
// rnnc kernel grad_small_batch_29_concat_62: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %90 concat
fn concat_62(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 120u + 702u); // %90 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 60u + 362u); // ∂LSTM output 3
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 60u + 362u); // ∂LSTM output 2
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 60u + 362u); // ∂LSTM output 1
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 60u + 362u); // ∂LSTM output 0
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 20u) {
    concat_62(i, 0u);
  }
}

// ───── grad_small_batch_30_matmul_63.wgsl ─────
// rnnc kernel grad_small_batch_30_matmul_63: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %91 matmul fused gate products
fn matmul_63(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 190u + dims.B * 120u + 702u); // %91 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 120u + 702u); // %90 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 60u + 302u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let l = i / 3u;
  let j = i % 3u;
  var acc = 0.0;
  let ao = l * 20u + (j / 3u) * 20u;
  let bo = j % 3u;
  for (var p = 0u; p < 20u; p++) {
    acc += mem[at1 + ao + p] * mem[at2 + bo + p * 3u];
  }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 3u) {
    matmul_63(i, 0u);
  }
}
