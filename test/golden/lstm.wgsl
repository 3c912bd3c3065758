// schedule: auto: steps, persistent for B ≤ 136
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

// ───── forward_01_stack_rows_1.wgsl ─────
// rnnc kernel forward_01_stack_rows_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %20 stack_rows packed W_ii, W_if, W_ig, W_io
fn stack_rows_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at1 = dims.T_T * dims.B * 3u; // param W_ii
  let at2 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at3 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at4 = (dims.T_T * dims.B * 3u + 45u); // param W_io
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
    stack_rows_1(i, 0u);
  }
}

// ───── forward_02_matmul_2.wgsl ─────
// rnnc kernel forward_02_matmul_2: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (4 rows × 4 samples a thread)
fn matmul_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at2 = 0u; // input x
  let row = i % 5u * 4u;
  let sample = i / 5u * 4u;
  let last = dims.T_T * dims.B - 1u;
  let w0 = at1 + row * 3u;
  let w1 = at1 + min(row + 1u, 19u) * 3u;
  let w2 = at1 + min(row + 2u, 19u) * 3u;
  let w3 = at1 + min(row + 3u, 19u) * 3u;
  let x0 = at2 + min(sample + 0u, last) * 3u;
  let x1 = at2 + min(sample + 1u, last) * 3u;
  let x2 = at2 + min(sample + 2u, last) * 3u;
  let x3 = at2 + min(sample + 3u, last) * 3u;
  var acc0_0 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  for (var p = 0u; p < 3u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc1_0 += v0 * mem[x1 + p];
    acc2_0 += v0 * mem[x2 + p];
    acc3_0 += v0 * mem[x3 + p];
  }
  if (sample + 0u <= last) {
    mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0];
    mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1];
    mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2];
    mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3];
  }
  if (sample + 1u <= last) {
    mem[at0 + (sample + 1u) * 20u + row + 0u] = acc1_0[0];
    mem[at0 + (sample + 1u) * 20u + row + 1u] = acc1_0[1];
    mem[at0 + (sample + 1u) * 20u + row + 2u] = acc1_0[2];
    mem[at0 + (sample + 1u) * 20u + row + 3u] = acc1_0[3];
  }
  if (sample + 2u <= last) {
    mem[at0 + (sample + 2u) * 20u + row + 0u] = acc2_0[0];
    mem[at0 + (sample + 2u) * 20u + row + 1u] = acc2_0[1];
    mem[at0 + (sample + 2u) * 20u + row + 2u] = acc2_0[2];
    mem[at0 + (sample + 2u) * 20u + row + 3u] = acc2_0[3];
  }
  if (sample + 3u <= last) {
    mem[at0 + (sample + 3u) * 20u + row + 0u] = acc3_0[0];
    mem[at0 + (sample + 3u) * 20u + row + 1u] = acc3_0[1];
    mem[at0 + (sample + 3u) * 20u + row + 2u] = acc3_0[2];
    mem[at0 + (sample + 3u) * 20u + row + 3u] = acc3_0[3];
  }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < (dims.T_T * dims.B + 3u) / 4u * 5u) {
    matmul_2(i, 0u);
  }
}

// ───── forward_03_add_3.wgsl ─────
// rnnc kernel forward_03_add_3: one thread per element, 64 per workgroup.
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
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_3(i, 0u);
  }
}

// ───── forward_04_add_4.wgsl ─────
// rnnc kernel forward_04_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %27 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_4(i, 0u);
  }
}

// ───── forward_05_add_5.wgsl ─────
// rnnc kernel forward_05_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %30 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_5(i, 0u);
  }
}

// ───── forward_06_add_6.wgsl ─────
// rnnc kernel forward_06_add_6: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %33 add
fn add_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_6(i, 0u);
  }
}

// ───── forward_07_stack_rows_7.wgsl ─────
// rnnc kernel forward_07_stack_rows_7: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
fn stack_rows_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at1 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
  let at2 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at3 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at4 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
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
    stack_rows_7(i, 0u);
  }
}

// ───── forward_08_copy_8.wgsl ─────
// rnnc kernel forward_08_copy_8: one thread per element, 64 per workgroup.
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
fn copy_8(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_8(i, 0u);
  }
}

// ───── forward_09_copy_9.wgsl ─────
// rnnc kernel forward_09_copy_9: one thread per element, 64 per workgroup.
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
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_9(i, 0u);
  }
}

// ───── forward_10_matmul_10.wgsl ─────
// rnnc kernel forward_10_matmul_10: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (4 rows × 4 samples a thread)
fn matmul_10(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let row = i % 5u * 4u;
  let sample = i / 5u * 4u;
  let last = dims.B - 1u;
  let w0 = at1 + row * 5u;
  let w1 = at1 + min(row + 1u, 19u) * 5u;
  let w2 = at1 + min(row + 2u, 19u) * 5u;
  let w3 = at1 + min(row + 3u, 19u) * 5u;
  let x0 = at2 + min(sample + 0u, last) * 5u;
  let x1 = at2 + min(sample + 1u, last) * 5u;
  let x2 = at2 + min(sample + 2u, last) * 5u;
  let x3 = at2 + min(sample + 3u, last) * 5u;
  var acc0_0 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  for (var p = 0u; p < 5u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc1_0 += v0 * mem[x1 + p];
    acc2_0 += v0 * mem[x2 + p];
    acc3_0 += v0 * mem[x3 + p];
  }
  if (sample + 0u <= last) {
    mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0];
    mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1];
    mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2];
    mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3];
  }
  if (sample + 1u <= last) {
    mem[at0 + (sample + 1u) * 20u + row + 0u] = acc1_0[0];
    mem[at0 + (sample + 1u) * 20u + row + 1u] = acc1_0[1];
    mem[at0 + (sample + 1u) * 20u + row + 2u] = acc1_0[2];
    mem[at0 + (sample + 1u) * 20u + row + 3u] = acc1_0[3];
  }
  if (sample + 2u <= last) {
    mem[at0 + (sample + 2u) * 20u + row + 0u] = acc2_0[0];
    mem[at0 + (sample + 2u) * 20u + row + 1u] = acc2_0[1];
    mem[at0 + (sample + 2u) * 20u + row + 2u] = acc2_0[2];
    mem[at0 + (sample + 2u) * 20u + row + 3u] = acc2_0[3];
  }
  if (sample + 3u <= last) {
    mem[at0 + (sample + 3u) * 20u + row + 0u] = acc3_0[0];
    mem[at0 + (sample + 3u) * 20u + row + 1u] = acc3_0[1];
    mem[at0 + (sample + 3u) * 20u + row + 2u] = acc3_0[2];
    mem[at0 + (sample + 3u) * 20u + row + 3u] = acc3_0[3];
  }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < (dims.B + 3u) / 4u * 5u) {
    matmul_10(i, 0u);
  }
}

// ───── forward_11_add_11.wgsl ─────
// rnnc kernel forward_11_add_11: one thread per element, 64 per workgroup.
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

// %22 add c' — 34: c' = f * c + i * g
fn add_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at3 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at4 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u) + t * dims.B * 5u; // %24 add at step t
  let at5 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u) + t * dims.B * 5u; // %30 add at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])))) * mem[at3 + l * 5u + j]) + ((1.0 / (1.0 + exp(-(mem[at4 + l * 5u + j] + mem[at2 + l * 20u + j])))) * (tanh(clamp((mem[at5 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]), -10.0, 10.0))));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_11(i, step.s);
  }
}

// ───── forward_12_mul_12.wgsl ─────
// rnnc kernel forward_12_mul_12: one thread per element, 64 per workgroup.
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

// %24 mul h' — 35: h' = o * tanh(c')
fn mul_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at3 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])))) * (tanh(clamp(mem[at3 + l * 5u + j], -10.0, 10.0)));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_12(i, step.s);
  }
}

// ───── forward_13_copy_13.wgsl ─────
// rnnc kernel forward_13_copy_13: one thread per element, 64 per workgroup.
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

// LSTM: step output 0 at step t
fn copy_13(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 0
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_13(i, step.s);
  }
}

// ───── forward_14_copy_14.wgsl ─────
// rnnc kernel forward_14_copy_14: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the next h
fn copy_14(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_14(i, 0u);
  }
}

// ───── forward_15_copy_15.wgsl ─────
// rnnc kernel forward_15_copy_15: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the next c
fn copy_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_15(i, 0u);
  }
}

// ───── forward_small_batch_00_all.wgsl ─────
// rnnc kernel forward_small_batch_00_all: persistent, one workgroup of 64 threads runs 16 phases in one dispatch,
// with a barrier between phases.
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

// %20 stack_rows packed W_ii, W_if, W_ig, W_io
fn stack_rows_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at1 = dims.T_T * dims.B * 3u; // param W_ii
  let at2 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at3 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at4 = (dims.T_T * dims.B * 3u + 45u); // param W_io
  let l = i / 60u;
  let j = i % 60u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else if (j < 45u) { v = mem[at3 + l * 15u + j - 30u]; }
  else { v = mem[at4 + l * 15u + j - 45u]; }
  mem[at0 + i] = v;
}

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (8 rows × 1 samples a thread)
fn matmul_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at2 = 0u; // input x
  let row = i % 3u * 8u;
  let sample = i / 3u * 1u;
  let last = dims.T_T * dims.B - 1u;
  let w0 = at1 + row * 3u;
  let w1 = at1 + min(row + 1u, 19u) * 3u;
  let w2 = at1 + min(row + 2u, 19u) * 3u;
  let w3 = at1 + min(row + 3u, 19u) * 3u;
  let w4 = at1 + min(row + 4u, 19u) * 3u;
  let w5 = at1 + min(row + 5u, 19u) * 3u;
  let w6 = at1 + min(row + 6u, 19u) * 3u;
  let w7 = at1 + min(row + 7u, 19u) * 3u;
  let x0 = at2 + min(sample + 0u, last) * 3u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  for (var p = 0u; p < 3u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    let v1 = vec4<f32>(mem[w4 + p], mem[w5 + p], mem[w6 + p], mem[w7 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc0_1 += v1 * mem[x0 + p];
  }
  if (sample + 0u <= last) {
    if (row + 0u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0]; }
    if (row + 1u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1]; }
    if (row + 2u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2]; }
    if (row + 3u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3]; }
    if (row + 4u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 4u] = acc0_1[0]; }
    if (row + 5u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 5u] = acc0_1[1]; }
    if (row + 6u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 6u] = acc0_1[2]; }
    if (row + 7u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 7u] = acc0_1[3]; }
  }
}

// %24 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}

// %27 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}

// %30 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}

// %33 add
fn add_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}

// %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
fn stack_rows_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at1 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
  let at2 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at3 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at4 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
  let l = i / 100u;
  let j = i % 100u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else if (j < 75u) { v = mem[at3 + l * 25u + j - 50u]; }
  else { v = mem[at4 + l * 25u + j - 75u]; }
  mem[at0 + i] = v;
}

// LSTM: the initial h
fn copy_8(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the initial c
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (8 rows × 1 samples a thread)
fn matmul_10(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let row = i % 3u * 8u;
  let sample = i / 3u * 1u;
  let last = dims.B - 1u;
  let w0 = at1 + row * 5u;
  let w1 = at1 + min(row + 1u, 19u) * 5u;
  let w2 = at1 + min(row + 2u, 19u) * 5u;
  let w3 = at1 + min(row + 3u, 19u) * 5u;
  let w4 = at1 + min(row + 4u, 19u) * 5u;
  let w5 = at1 + min(row + 5u, 19u) * 5u;
  let w6 = at1 + min(row + 6u, 19u) * 5u;
  let w7 = at1 + min(row + 7u, 19u) * 5u;
  let x0 = at2 + min(sample + 0u, last) * 5u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  for (var p = 0u; p < 5u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    let v1 = vec4<f32>(mem[w4 + p], mem[w5 + p], mem[w6 + p], mem[w7 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc0_1 += v1 * mem[x0 + p];
  }
  if (sample + 0u <= last) {
    if (row + 0u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0]; }
    if (row + 1u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1]; }
    if (row + 2u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2]; }
    if (row + 3u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3]; }
    if (row + 4u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 4u] = acc0_1[0]; }
    if (row + 5u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 5u] = acc0_1[1]; }
    if (row + 6u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 6u] = acc0_1[2]; }
    if (row + 7u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 7u] = acc0_1[3]; }
  }
}

// %22 add c' — 34: c' = f * c + i * g
fn add_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at3 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at4 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u) + t * dims.B * 5u; // %24 add at step t
  let at5 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u) + t * dims.B * 5u; // %30 add at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = ((1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])))) * mem[at3 + l * 5u + j]) + ((1.0 / (1.0 + exp(-(mem[at4 + l * 5u + j] + mem[at2 + l * 20u + j])))) * (tanh(clamp((mem[at5 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]), -10.0, 10.0))));
}

// %24 mul h' — 35: h' = o * tanh(c')
fn mul_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at3 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])))) * (tanh(clamp(mem[at3 + l * 5u + j], -10.0, 10.0)));
}

// LSTM: step output 0 at step t
fn copy_13(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 0
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the next h
fn copy_14(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 50u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the next c
fn copy_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 45u + 360u); // %22 add c'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    fill_0(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 60u; i += 64u) {
    stack_rows_1(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < (dims.T_T * dims.B + 0u) / 1u * 3u; i += 64u) {
    matmul_2(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_3(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_4(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_5(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_6(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 100u; i += 64u) {
    stack_rows_7(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_8(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_9(i, 0u);
  }
  storageBarrier();
  // LSTM: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < (dims.B + 0u) / 1u * 3u; i += 64u) {
      matmul_10(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_11(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_12(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_13(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_14(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_15(i, t);
    }
    storageBarrier();
  }
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

// ───── grad_01_stack_rows_1.wgsl ─────
// rnnc kernel grad_01_stack_rows_1: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %20 stack_rows packed W_ii, W_if, W_ig, W_io
fn stack_rows_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at1 = dims.T_T * dims.B * 3u; // param W_ii
  let at2 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at3 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at4 = (dims.T_T * dims.B * 3u + 45u); // param W_io
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
    stack_rows_1(i, 0u);
  }
}

// ───── grad_02_matmul_2.wgsl ─────
// rnnc kernel grad_02_matmul_2: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (4 rows × 4 samples a thread)
fn matmul_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at2 = 0u; // input x
  let row = i % 5u * 4u;
  let sample = i / 5u * 4u;
  let last = dims.T_T * dims.B - 1u;
  let w0 = at1 + row * 3u;
  let w1 = at1 + min(row + 1u, 19u) * 3u;
  let w2 = at1 + min(row + 2u, 19u) * 3u;
  let w3 = at1 + min(row + 3u, 19u) * 3u;
  let x0 = at2 + min(sample + 0u, last) * 3u;
  let x1 = at2 + min(sample + 1u, last) * 3u;
  let x2 = at2 + min(sample + 2u, last) * 3u;
  let x3 = at2 + min(sample + 3u, last) * 3u;
  var acc0_0 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  for (var p = 0u; p < 3u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc1_0 += v0 * mem[x1 + p];
    acc2_0 += v0 * mem[x2 + p];
    acc3_0 += v0 * mem[x3 + p];
  }
  if (sample + 0u <= last) {
    mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0];
    mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1];
    mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2];
    mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3];
  }
  if (sample + 1u <= last) {
    mem[at0 + (sample + 1u) * 20u + row + 0u] = acc1_0[0];
    mem[at0 + (sample + 1u) * 20u + row + 1u] = acc1_0[1];
    mem[at0 + (sample + 1u) * 20u + row + 2u] = acc1_0[2];
    mem[at0 + (sample + 1u) * 20u + row + 3u] = acc1_0[3];
  }
  if (sample + 2u <= last) {
    mem[at0 + (sample + 2u) * 20u + row + 0u] = acc2_0[0];
    mem[at0 + (sample + 2u) * 20u + row + 1u] = acc2_0[1];
    mem[at0 + (sample + 2u) * 20u + row + 2u] = acc2_0[2];
    mem[at0 + (sample + 2u) * 20u + row + 3u] = acc2_0[3];
  }
  if (sample + 3u <= last) {
    mem[at0 + (sample + 3u) * 20u + row + 0u] = acc3_0[0];
    mem[at0 + (sample + 3u) * 20u + row + 1u] = acc3_0[1];
    mem[at0 + (sample + 3u) * 20u + row + 2u] = acc3_0[2];
    mem[at0 + (sample + 3u) * 20u + row + 3u] = acc3_0[3];
  }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < (dims.T_T * dims.B + 3u) / 4u * 5u) {
    matmul_2(i, 0u);
  }
}

// ───── grad_03_add_3.wgsl ─────
// rnnc kernel grad_03_add_3: one thread per element, 64 per workgroup.
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
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_3(i, 0u);
  }
}

// ───── grad_04_add_4.wgsl ─────
// rnnc kernel grad_04_add_4: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %27 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_4(i, 0u);
  }
}

// ───── grad_05_add_5.wgsl ─────
// rnnc kernel grad_05_add_5: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %30 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_5(i, 0u);
  }
}

// ───── grad_06_add_6.wgsl ─────
// rnnc kernel grad_06_add_6: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %33 add
fn add_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    add_6(i, 0u);
  }
}

// ───── grad_07_stack_rows_7.wgsl ─────
// rnnc kernel grad_07_stack_rows_7: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
fn stack_rows_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at1 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
  let at2 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at3 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at4 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
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
    stack_rows_7(i, 0u);
  }
}

// ───── grad_08_copy_8.wgsl ─────
// rnnc kernel grad_08_copy_8: one thread per element, 64 per workgroup.
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
fn copy_8(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_8(i, 0u);
  }
}

// ───── grad_09_copy_9.wgsl ─────
// rnnc kernel grad_09_copy_9: one thread per element, 64 per workgroup.
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
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_9(i, 0u);
  }
}

// ───── grad_10_matmul_10.wgsl ─────
// rnnc kernel grad_10_matmul_10: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (4 rows × 4 samples a thread)
fn matmul_10(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let row = i % 5u * 4u;
  let sample = i / 5u * 4u;
  let last = dims.B - 1u;
  let w0 = at1 + row * 5u;
  let w1 = at1 + min(row + 1u, 19u) * 5u;
  let w2 = at1 + min(row + 2u, 19u) * 5u;
  let w3 = at1 + min(row + 3u, 19u) * 5u;
  let x0 = at2 + min(sample + 0u, last) * 5u;
  let x1 = at2 + min(sample + 1u, last) * 5u;
  let x2 = at2 + min(sample + 2u, last) * 5u;
  let x3 = at2 + min(sample + 3u, last) * 5u;
  var acc0_0 = vec4<f32>();
  var acc1_0 = vec4<f32>();
  var acc2_0 = vec4<f32>();
  var acc3_0 = vec4<f32>();
  for (var p = 0u; p < 5u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc1_0 += v0 * mem[x1 + p];
    acc2_0 += v0 * mem[x2 + p];
    acc3_0 += v0 * mem[x3 + p];
  }
  if (sample + 0u <= last) {
    mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0];
    mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1];
    mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2];
    mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3];
  }
  if (sample + 1u <= last) {
    mem[at0 + (sample + 1u) * 20u + row + 0u] = acc1_0[0];
    mem[at0 + (sample + 1u) * 20u + row + 1u] = acc1_0[1];
    mem[at0 + (sample + 1u) * 20u + row + 2u] = acc1_0[2];
    mem[at0 + (sample + 1u) * 20u + row + 3u] = acc1_0[3];
  }
  if (sample + 2u <= last) {
    mem[at0 + (sample + 2u) * 20u + row + 0u] = acc2_0[0];
    mem[at0 + (sample + 2u) * 20u + row + 1u] = acc2_0[1];
    mem[at0 + (sample + 2u) * 20u + row + 2u] = acc2_0[2];
    mem[at0 + (sample + 2u) * 20u + row + 3u] = acc2_0[3];
  }
  if (sample + 3u <= last) {
    mem[at0 + (sample + 3u) * 20u + row + 0u] = acc3_0[0];
    mem[at0 + (sample + 3u) * 20u + row + 1u] = acc3_0[1];
    mem[at0 + (sample + 3u) * 20u + row + 2u] = acc3_0[2];
    mem[at0 + (sample + 3u) * 20u + row + 3u] = acc3_0[3];
  }
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < (dims.B + 3u) / 4u * 5u) {
    matmul_10(i, 0u);
  }
}

// ───── grad_11_sigmoid_11.wgsl ─────
// rnnc kernel grad_11_sigmoid_11: one thread per element, 64 per workgroup.
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

// %10 sigmoid i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn sigmoid_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j])));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_11(i, step.s);
  }
}

// ───── grad_12_sigmoid_12.wgsl ─────
// rnnc kernel grad_12_sigmoid_12: one thread per element, 64 per workgroup.
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

// %13 sigmoid f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn sigmoid_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_12(i, step.s);
  }
}

// ───── grad_13_tanh_13.wgsl ─────
// rnnc kernel grad_13_tanh_13: one thread per element, 64 per workgroup.
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

// %16 tanh g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn tanh_13(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u) + t * dims.B * 5u; // %30 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh(clamp((mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]), -10.0, 10.0));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    tanh_13(i, step.s);
  }
}

// ───── grad_14_sigmoid_14.wgsl ─────
// rnnc kernel grad_14_sigmoid_14: one thread per element, 64 per workgroup.
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

// %19 sigmoid o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn sigmoid_14(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    sigmoid_14(i, step.s);
  }
}

// ───── grad_15_add_15.wgsl ─────
// rnnc kernel grad_15_add_15: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %22 add c' — 34: c' = f * c + i * g
fn add_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at3 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  let at4 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_15(i, 0u);
  }
}

// ───── grad_16_tanh_16.wgsl ─────
// rnnc kernel grad_16_tanh_16: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %23 tanh — 35: h' = o * tanh(c')
fn tanh_16(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh(clamp(mem[at1 + l * 5u + j], -10.0, 10.0));
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    tanh_16(i, 0u);
  }
}

// ───── grad_17_mul_17.wgsl ─────
// rnnc kernel grad_17_mul_17: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %24 mul h' — 35: h' = o * tanh(c')
fn mul_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_17(i, 0u);
  }
}

// ───── grad_18_copy_18.wgsl ─────
// rnnc kernel grad_18_copy_18: one thread per element, 64 per workgroup.
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

// LSTM: step output 0 at step t
fn copy_18(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 0
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_18(i, step.s);
  }
}

// ───── grad_19_copy_19.wgsl ─────
// rnnc kernel grad_19_copy_19: one thread per element, 64 per workgroup.
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

// LSTM: step output 1 at step t
fn copy_19(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 1
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_19(i, step.s);
  }
}

// ───── grad_20_copy_20.wgsl ─────
// rnnc kernel grad_20_copy_20: one thread per element, 64 per workgroup.
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

// LSTM: step output 2 at step t
fn copy_20(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 2
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_20(i, step.s);
  }
}

// ───── grad_21_copy_21.wgsl ─────
// rnnc kernel grad_21_copy_21: one thread per element, 64 per workgroup.
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

// LSTM: step output 3 at step t
fn copy_21(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 3
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_21(i, step.s);
  }
}

// ───── grad_22_copy_22.wgsl ─────
// rnnc kernel grad_22_copy_22: one thread per element, 64 per workgroup.
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

// LSTM: step output 4 at step t
fn copy_22(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 4
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_22(i, step.s);
  }
}

// ───── grad_23_copy_23.wgsl ─────
// rnnc kernel grad_23_copy_23: one thread per element, 64 per workgroup.
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

// LSTM: step output 5 at step t
fn copy_23(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 5
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_23(i, step.s);
  }
}

// ───── grad_24_copy_24.wgsl ─────
// rnnc kernel grad_24_copy_24: one thread per element, 64 per workgroup.
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
fn copy_24(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 6
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_24(i, step.s);
  }
}

// ───── grad_25_copy_25.wgsl ─────
// rnnc kernel grad_25_copy_25: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the next h
fn copy_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_25(i, 0u);
  }
}

// ───── grad_26_copy_26.wgsl ─────
// rnnc kernel grad_26_copy_26: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// LSTM: the next c
fn copy_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_26(i, 0u);
  }
}

// ───── grad_27_mul_27.wgsl ─────
// rnnc kernel grad_27_mul_27: one thread per element, 64 per workgroup.
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
fn mul_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 83u + dims.B * 80u + 360u); // %40 mul
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u); // LSTM output 0
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 80u + 360u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_27(i, 0u);
  }
}

// ───── grad_28_sum_28.wgsl ─────
// rnnc kernel grad_28_sum_28: one thread per element, 64 per workgroup.
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
fn sum_28(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 88u + dims.B * 80u + 360u); // %41 sum
  let at1 = (dims.T_T * dims.B * 83u + dims.B * 80u + 360u); // %40 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    sum_28(i, 0u);
  }
}

// ───── grad_29_reduce_lead_29.wgsl ─────
// rnnc kernel grad_29_reduce_lead_29: one thread per element, 64 per workgroup.
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
fn reduce_lead_29(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 360u); // %42 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 88u + dims.B * 80u + 360u); // %41 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    reduce_lead_29(i, 0u);
  }
}

// ───── grad_30_fill_30.wgsl ─────
// rnnc kernel grad_30_fill_30: one thread per element, 64 per workgroup.
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
fn fill_30(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 361u); // literal 1.0
  mem[at0 + i] = 1.0;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 1u) {
    fill_30(i, 0u);
  }
}

// ───── grad_31_broadcast_to_31.wgsl ─────
// rnnc kernel grad_31_broadcast_to_31: one thread per element, 64 per workgroup.
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
fn broadcast_to_31(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 362u); // %44 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 80u + 361u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B) {
    broadcast_to_31(i, 0u);
  }
}

// ───── grad_32_expand_last_32.wgsl ─────
// rnnc kernel grad_32_expand_last_32: one thread per element, 64 per workgroup.
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
fn expand_last_32(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 80u + 362u); // %45 expand_last
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 80u + 362u); // %44 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    expand_last_32(i, 0u);
  }
}

// ───── grad_33_mul_33.wgsl ─────
// rnnc kernel grad_33_mul_33: one thread per element, 64 per workgroup.
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
fn mul_33(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 80u + 362u); // %46 mul
  let at1 = (dims.T_T * dims.B * 90u + dims.B * 80u + 362u); // %45 expand_last
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 80u + 360u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_33(i, 0u);
  }
}

// ───── grad_34_time_shift_34.wgsl ─────
// rnnc kernel grad_34_time_shift_34: one thread per element, 64 per workgroup.
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
fn time_shift_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 80u + 362u); // %53 time_shift LSTM: previous h
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u); // LSTM output 0
  let at2 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    time_shift_34(i, 0u);
  }
}

// ───── grad_35_sub_35.wgsl ─────
// rnnc kernel grad_35_sub_35: one thread per element, 64 per workgroup.
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
fn sub_35(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 80u + 362u); // %55 sub
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // LSTM output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_35(i, 0u);
  }
}

// ───── grad_36_mul_36.wgsl ─────
// rnnc kernel grad_36_mul_36: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %57 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_36(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 80u + 362u); // %57 mul ∂o
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u); // LSTM output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_36(i, 0u);
  }
}

// ───── grad_37_sub_37.wgsl ─────
// rnnc kernel grad_37_sub_37: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %59 sub ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn sub_37(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 80u + 362u); // %59 sub ∂g
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u); // LSTM output 3
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    sub_37(i, 0u);
  }
}

// ───── grad_38_mul_38.wgsl ─────
// rnnc kernel grad_38_mul_38: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %61 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_38(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 80u + 362u); // %61 mul ∂f
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u); // LSTM output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_38(i, 0u);
  }
}

// ───── grad_39_mul_39.wgsl ─────
// rnnc kernel grad_39_mul_39: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %63 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_39(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 80u + 362u); // %63 mul ∂i
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u); // LSTM output 4
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.T_T * dims.B * 5u) {
    mul_39(i, 0u);
  }
}

// ───── grad_40_stack_rows_40.wgsl ─────
// rnnc kernel grad_40_stack_rows_40: one thread per element, 64 per workgroup.
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
fn stack_rows_40(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 362u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let at1 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
  let at2 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at3 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at4 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
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
    stack_rows_40(i, 0u);
  }
}

// ───── grad_41_stack_rows_41.wgsl ─────
// rnnc kernel grad_41_stack_rows_41: one thread per element, 64 per workgroup.
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
fn stack_rows_41(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 462u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let at1 = (dims.T_T * dims.B * 3u + 45u); // param W_io
  let at2 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at3 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at4 = dims.T_T * dims.B * 3u; // param W_ii
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
    stack_rows_41(i, 0u);
  }
}

// ───── grad_42_copy_42.wgsl ─────
// rnnc kernel grad_42_copy_42: one thread per element, 64 per workgroup.
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
fn copy_42(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_42(i, 0u);
  }
}

// ───── grad_43_copy_43.wgsl ─────
// rnnc kernel grad_43_copy_43: one thread per element, 64 per workgroup.
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
fn copy_43(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_43(i, 0u);
  }
}

// ───── grad_44_add_44.wgsl ─────
// rnnc kernel grad_44_add_44: one thread per element, 64 per workgroup.
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
fn add_44(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at2 = (dims.T_T * dims.B * 95u + dims.B * 80u + 362u) + t * dims.B * 5u; // %46 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_44(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_45_add_45.wgsl ─────
// rnnc kernel grad_45_add_45: one thread per element, 64 per workgroup.
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

// %10 add
fn add_45(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at4 = (dims.T_T * dims.B * 105u + dims.B * 80u + 362u) + t * dims.B * 5u; // %55 sub at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + ((mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]) * mem[at4 + l * 5u + j]);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    add_45(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_46_mul_46.wgsl ─────
// rnnc kernel grad_46_mul_46: one thread per element, 64 per workgroup.
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

// %18 mul — 34: c' = f * c + i * g
fn mul_46(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 100u + 522u); // %18 mul
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_46(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_47_mul_47.wgsl ─────
// rnnc kernel grad_47_mul_47: one thread per element, 64 per workgroup.
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

// %20 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_47(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at3 = (dims.T_T * dims.B * 110u + dims.B * 80u + 362u) + t * dims.B * 5u; // %57 mul ∂o at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_47(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_48_mul_48.wgsl ─────
// rnnc kernel grad_48_mul_48: one thread per element, 64 per workgroup.
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

// %22 mul ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn mul_48(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 80u + 362u) + t * dims.B * 5u; // %59 sub ∂g at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_48(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_49_mul_49.wgsl ─────
// rnnc kernel grad_49_mul_49: one thread per element, 64 per workgroup.
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

// %24 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_49(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 73u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 6 at step t
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 80u + 362u) + t * dims.B * 5u; // %61 mul ∂f at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_49(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_50_mul_50.wgsl ─────
// rnnc kernel grad_50_mul_50: one thread per element, 64 per workgroup.
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

// %26 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_50(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at3 = (dims.T_T * dims.B * 125u + dims.B * 80u + 362u) + t * dims.B * 5u; // %63 mul ∂i at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    mul_50(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_51_concat_51.wgsl ─────
// rnnc kernel grad_51_concat_51: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %27 concat
fn concat_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 125u + 522u); // %27 concat
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  let at3 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  let at4 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
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
    concat_51(i, 0u);
  }
}

// ───── grad_52_matmul_52.wgsl ─────
// rnnc kernel grad_52_matmul_52: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// %29 matmul fused gate products
fn matmul_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 145u + 522u); // %29 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 125u + 522u); // %27 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 80u + 362u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
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
    matmul_52(i, 0u);
  }
}

// ───── grad_53_copy_53.wgsl ─────
// rnnc kernel grad_53_copy_53: one thread per element, 64 per workgroup.
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

// ∂LSTM: step output 0 at step t
fn copy_53(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 0
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_53(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_54_copy_54.wgsl ─────
// rnnc kernel grad_54_copy_54: one thread per element, 64 per workgroup.
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

// ∂LSTM: step output 1 at step t
fn copy_54(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 1
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_54(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_55_copy_55.wgsl ─────
// rnnc kernel grad_55_copy_55: one thread per element, 64 per workgroup.
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

// ∂LSTM: step output 2 at step t
fn copy_55(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 2
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_55(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_56_copy_56.wgsl ─────
// rnnc kernel grad_56_copy_56: one thread per element, 64 per workgroup.
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

// ∂LSTM: step output 3 at step t
fn copy_56(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 3
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_56(i, dims.T_T - 1u - step.s);
  }
}

// ───── grad_57_copy_57.wgsl ─────
// rnnc kernel grad_57_copy_57: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the next ∂h
fn copy_57(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 145u + 522u); // %29 matmul fused gate products
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_57(i, 0u);
  }
}

// ───── grad_58_copy_58.wgsl ─────
// rnnc kernel grad_58_copy_58: one thread per element, 64 per workgroup.
struct Dims {
  B: u32, // the batch size
  T_T: u32, // the length of time axis T
  given0: u32, // 1 where the caller gave the initial state h
  given1: u32, // 1 where the caller gave the initial state c
}

@group(0) @binding(0) var<uniform> dims: Dims;
// Every value of the model, each in a region of its own (params, inputs, states, results).
@group(0) @binding(1) var<storage, read_write> mem: array<f32>;

// ∂LSTM: the next ∂c
fn copy_58(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 100u + 522u); // %18 mul
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < dims.B * 5u) {
    copy_58(i, 0u);
  }
}

// ───── grad_59_concat_59.wgsl ─────
// rnnc kernel grad_59_concat_59: one thread per element, 64 per workgroup.
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
fn concat_59(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
  let at2 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let at3 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let at4 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
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
    concat_59(i, 0u);
  }
}

// ───── grad_60_unbroadcast_60.wgsl ─────
// rnnc kernel grad_60_unbroadcast_60: one thread per element, 64 per workgroup.
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
fn unbroadcast_60(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at2 = 0u; // input x
  let j = i % 60u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 60u) {
    unbroadcast_60(i, 0u);
  }
}

// ───── grad_61_slice_rows_61.wgsl ─────
// rnnc kernel grad_61_slice_rows_61: one thread per element, 64 per workgroup.
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
fn slice_rows_61(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 582u); // %76 slice_rows ∂LSTM: ∂W_ii (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_61(i, 0u);
  }
}

// ───── grad_62_slice_rows_62.wgsl ─────
// rnnc kernel grad_62_slice_rows_62: one thread per element, 64 per workgroup.
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
fn slice_rows_62(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 597u); // %77 slice_rows ∂LSTM: ∂W_if (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 15u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_62(i, 0u);
  }
}

// ───── grad_63_slice_rows_63.wgsl ─────
// rnnc kernel grad_63_slice_rows_63: one thread per element, 64 per workgroup.
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
fn slice_rows_63(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 612u); // %78 slice_rows ∂LSTM: ∂W_ig (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 30u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_63(i, 0u);
  }
}

// ───── grad_64_slice_rows_64.wgsl ─────
// rnnc kernel grad_64_slice_rows_64: one thread per element, 64 per workgroup.
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
fn slice_rows_64(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 627u); // %79 slice_rows ∂LSTM: ∂W_io (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 45u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 15u) {
    slice_rows_64(i, 0u);
  }
}

// ───── grad_65_unbroadcast_65.wgsl ─────
// rnnc kernel grad_65_unbroadcast_65: one thread per element, 64 per workgroup.
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
fn unbroadcast_65(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at2 = (dims.T_T * dims.B * 100u + dims.B * 80u + 362u); // %53 time_shift LSTM: previous h
  let j = i % 100u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 100u) {
    unbroadcast_65(i, 0u);
  }
}

// ───── grad_66_slice_rows_66.wgsl ─────
// rnnc kernel grad_66_slice_rows_66: one thread per element, 64 per workgroup.
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
fn slice_rows_66(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 742u); // %82 slice_rows ∂LSTM: ∂W_hi (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 0u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_66(i, 0u);
  }
}

// ───── grad_67_slice_rows_67.wgsl ─────
// rnnc kernel grad_67_slice_rows_67: one thread per element, 64 per workgroup.
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
fn slice_rows_67(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 767u); // %83 slice_rows ∂LSTM: ∂W_hf (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 25u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_67(i, 0u);
  }
}

// ───── grad_68_slice_rows_68.wgsl ─────
// rnnc kernel grad_68_slice_rows_68: one thread per element, 64 per workgroup.
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
fn slice_rows_68(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 792u); // %84 slice_rows ∂LSTM: ∂W_hg (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 50u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_68(i, 0u);
  }
}

// ───── grad_69_slice_rows_69.wgsl ─────
// rnnc kernel grad_69_slice_rows_69: one thread per element, 64 per workgroup.
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
fn slice_rows_69(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 817u); // %85 slice_rows ∂LSTM: ∂W_ho (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 75u + j];
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 25u) {
    slice_rows_69(i, 0u);
  }
}

// ───── grad_70_unbroadcast_70.wgsl ─────
// rnnc kernel grad_70_unbroadcast_70: one thread per element, 64 per workgroup.
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
fn unbroadcast_70(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 842u); // %86 unbroadcast ∂LSTM: ∂b_ii (batched)
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_70(i, 0u);
  }
}

// ───── grad_71_unbroadcast_71.wgsl ─────
// rnnc kernel grad_71_unbroadcast_71: one thread per element, 64 per workgroup.
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
fn unbroadcast_71(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 847u); // %87 unbroadcast ∂LSTM: ∂b_if (batched)
  let at1 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_71(i, 0u);
  }
}

// ───── grad_72_unbroadcast_72.wgsl ─────
// rnnc kernel grad_72_unbroadcast_72: one thread per element, 64 per workgroup.
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
fn unbroadcast_72(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 852u); // %88 unbroadcast ∂LSTM: ∂b_ig (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_72(i, 0u);
  }
}

// ───── grad_73_unbroadcast_73.wgsl ─────
// rnnc kernel grad_73_unbroadcast_73: one thread per element, 64 per workgroup.
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
fn unbroadcast_73(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 857u); // %89 unbroadcast ∂LSTM: ∂b_io (batched)
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) lane: u32) {
  let i = (group.y * groups.x + group.x) * 64u + lane;
  if (i < 5u) {
    unbroadcast_73(i, 0u);
  }
}

// ───── grad_74_concat_74.wgsl ─────
// rnnc kernel grad_74_concat_74: one thread per element, 64 per workgroup.
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
fn concat_74(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 862u); // %90 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
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
    concat_74(i, 0u);
  }
}

// ───── grad_75_matmul_75.wgsl ─────
// rnnc kernel grad_75_matmul_75: one thread per element, 64 per workgroup.
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
fn matmul_75(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 190u + dims.B * 150u + 862u); // %91 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 862u); // %90 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 80u + 462u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
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
    matmul_75(i, 0u);
  }
}

// ───── grad_small_batch_00_all.wgsl ─────
// rnnc kernel grad_small_batch_00_all: persistent, one workgroup of 64 threads runs 76 phases in one dispatch,
// with a barrier between phases.
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

// %20 stack_rows packed W_ii, W_if, W_ig, W_io
fn stack_rows_1(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at1 = dims.T_T * dims.B * 3u; // param W_ii
  let at2 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at3 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at4 = (dims.T_T * dims.B * 3u + 45u); // param W_io
  let l = i / 60u;
  let j = i % 60u;
  var v = 0.0;
  if (j < 15u) { v = mem[at1 + l * 15u + j - 0u]; }
  else if (j < 30u) { v = mem[at2 + l * 15u + j - 15u]; }
  else if (j < 45u) { v = mem[at3 + l * 15u + j - 30u]; }
  else { v = mem[at4 + l * 15u + j - 45u]; }
  mem[at0 + i] = v;
}

// %21 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (8 rows × 1 samples a thread)
fn matmul_2(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 200u); // %20 stack_rows packed W_ii, W_if, W_ig, W_io
  let at2 = 0u; // input x
  let row = i % 3u * 8u;
  let sample = i / 3u * 1u;
  let last = dims.T_T * dims.B - 1u;
  let w0 = at1 + row * 3u;
  let w1 = at1 + min(row + 1u, 19u) * 3u;
  let w2 = at1 + min(row + 2u, 19u) * 3u;
  let w3 = at1 + min(row + 3u, 19u) * 3u;
  let w4 = at1 + min(row + 4u, 19u) * 3u;
  let w5 = at1 + min(row + 5u, 19u) * 3u;
  let w6 = at1 + min(row + 6u, 19u) * 3u;
  let w7 = at1 + min(row + 7u, 19u) * 3u;
  let x0 = at2 + min(sample + 0u, last) * 3u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  for (var p = 0u; p < 3u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    let v1 = vec4<f32>(mem[w4 + p], mem[w5 + p], mem[w6 + p], mem[w7 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc0_1 += v1 * mem[x0 + p];
  }
  if (sample + 0u <= last) {
    if (row + 0u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0]; }
    if (row + 1u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1]; }
    if (row + 2u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2]; }
    if (row + 3u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3]; }
    if (row + 4u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 4u] = acc0_1[0]; }
    if (row + 5u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 5u] = acc0_1[1]; }
    if (row + 6u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 6u] = acc0_1[2]; }
    if (row + 7u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 7u] = acc0_1[3]; }
  }
}

// %24 add
fn add_3(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u); // %24 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 160u); // param b_ii
  let at3 = (dims.T_T * dims.B * 3u + 180u); // param b_hi
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j] + mem[at2 + j]) + mem[at3 + j];
}

// %27 add
fn add_4(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u); // %27 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 165u); // param b_if
  let at3 = (dims.T_T * dims.B * 3u + 185u); // param b_hf
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 5u] + mem[at2 + j]) + mem[at3 + j];
}

// %30 add
fn add_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u); // %30 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 170u); // param b_ig
  let at3 = (dims.T_T * dims.B * 3u + 190u); // param b_hg
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 10u] + mem[at2 + j]) + mem[at3 + j];
}

// %33 add
fn add_6(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u); // %33 add
  let at1 = (dims.T_T * dims.B * 3u + dims.B * 15u + 260u); // %21 matmul fused gates
  let at2 = (dims.T_T * dims.B * 3u + 175u); // param b_io
  let at3 = (dims.T_T * dims.B * 3u + 195u); // param b_ho
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 20u + j + 15u] + mem[at2 + j]) + mem[at3 + j];
}

// %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
fn stack_rows_7(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at1 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
  let at2 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at3 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at4 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
  let l = i / 100u;
  let j = i % 100u;
  var v = 0.0;
  if (j < 25u) { v = mem[at1 + l * 25u + j - 0u]; }
  else if (j < 50u) { v = mem[at2 + l * 25u + j - 25u]; }
  else if (j < 75u) { v = mem[at3 + l * 25u + j - 50u]; }
  else { v = mem[at4 + l * 25u + j - 75u]; }
  mem[at0 + i] = v;
}

// LSTM: the initial h
fn copy_8(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the initial c
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 10u + 200u), dims.given1 != 0u); // initial state c
  mem[at0 + i] = mem[at1 + i];
}

// %3 matmul fused gates — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate (8 rows × 1 samples a thread)
fn matmul_10(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 15u + 260u); // %34 stack_rows packed W_hi, W_hf, W_hg, W_ho
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let row = i % 3u * 8u;
  let sample = i / 3u * 1u;
  let last = dims.B - 1u;
  let w0 = at1 + row * 5u;
  let w1 = at1 + min(row + 1u, 19u) * 5u;
  let w2 = at1 + min(row + 2u, 19u) * 5u;
  let w3 = at1 + min(row + 3u, 19u) * 5u;
  let w4 = at1 + min(row + 4u, 19u) * 5u;
  let w5 = at1 + min(row + 5u, 19u) * 5u;
  let w6 = at1 + min(row + 6u, 19u) * 5u;
  let w7 = at1 + min(row + 7u, 19u) * 5u;
  let x0 = at2 + min(sample + 0u, last) * 5u;
  var acc0_0 = vec4<f32>();
  var acc0_1 = vec4<f32>();
  for (var p = 0u; p < 5u; p++) {
    let v0 = vec4<f32>(mem[w0 + p], mem[w1 + p], mem[w2 + p], mem[w3 + p]);
    let v1 = vec4<f32>(mem[w4 + p], mem[w5 + p], mem[w6 + p], mem[w7 + p]);
    acc0_0 += v0 * mem[x0 + p];
    acc0_1 += v1 * mem[x0 + p];
  }
  if (sample + 0u <= last) {
    if (row + 0u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 0u] = acc0_0[0]; }
    if (row + 1u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 1u] = acc0_0[1]; }
    if (row + 2u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 2u] = acc0_0[2]; }
    if (row + 3u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 3u] = acc0_0[3]; }
    if (row + 4u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 4u] = acc0_1[0]; }
    if (row + 5u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 5u] = acc0_1[1]; }
    if (row + 6u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 6u] = acc0_1[2]; }
    if (row + 7u < 20u) { mem[at0 + (sample + 0u) * 20u + row + 7u] = acc0_1[3]; }
  }
}

// %10 sigmoid i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn sigmoid_11(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  let at1 = (dims.T_T * dims.B * 23u + dims.B * 15u + 260u) + t * dims.B * 5u; // %24 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j])));
}

// %13 sigmoid f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn sigmoid_12(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  let at1 = (dims.T_T * dims.B * 28u + dims.B * 15u + 260u) + t * dims.B * 5u; // %27 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 5u])));
}

// %16 tanh g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn tanh_13(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  let at1 = (dims.T_T * dims.B * 33u + dims.B * 15u + 260u) + t * dims.B * 5u; // %30 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh(clamp((mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 10u]), -10.0, 10.0));
}

// %19 sigmoid o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn sigmoid_14(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  let at1 = (dims.T_T * dims.B * 38u + dims.B * 15u + 260u) + t * dims.B * 5u; // %33 add at step t
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 25u + 360u); // %3 matmul fused gates
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 5u + j] + mem[at2 + l * 20u + j + 15u])));
}

// %22 add c' — 34: c' = f * c + i * g
fn add_15(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  let at2 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at3 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  let at4 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) + (mem[at3 + l * 5u + j] * mem[at4 + l * 5u + j]);
}

// %23 tanh — 35: h' = o * tanh(c')
fn tanh_16(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = tanh(clamp(mem[at1 + l * 5u + j], -10.0, 10.0));
}

// %24 mul h' — 35: h' = o * tanh(c')
fn mul_17(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

// LSTM: step output 0 at step t
fn copy_18(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 0
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 1 at step t
fn copy_19(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 1
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 70u + 360u); // %23 tanh
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 2 at step t
fn copy_20(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 2
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 60u + 360u); // %19 sigmoid o
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 3 at step t
fn copy_21(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 3
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 55u + 360u); // %16 tanh g
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 4 at step t
fn copy_22(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 4
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 45u + 360u); // %10 sigmoid i
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 5 at step t
fn copy_23(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 5
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 50u + 360u); // %13 sigmoid f
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: step output 6 at step t
fn copy_24(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 73u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 6
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the next h
fn copy_25(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 15u + 360u); // LSTM state h
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 75u + 360u); // %24 mul h'
  mem[at0 + i] = mem[at1 + i];
}

// LSTM: the next c
fn copy_26(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 43u + dims.B * 20u + 360u); // LSTM state c
  let at1 = (dims.T_T * dims.B * 78u + dims.B * 65u + 360u); // %22 add c'
  mem[at0 + i] = mem[at1 + i];
}

// %40 mul
fn mul_27(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 83u + dims.B * 80u + 360u); // %40 mul
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u); // LSTM output 0
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 80u + 360u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

// %41 sum
fn sum_28(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 88u + dims.B * 80u + 360u); // %41 sum
  let at1 = (dims.T_T * dims.B * 83u + dims.B * 80u + 360u); // %40 mul
  var acc = 0.0;
  for (var c = 0u; c < 5u; c++) { acc += mem[at1 + i * 5u + c]; }
  mem[at0 + i] = acc;
}

// %42 reduce_lead loss
fn reduce_lead_29(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 360u); // %42 reduce_lead loss
  let at1 = (dims.T_T * dims.B * 88u + dims.B * 80u + 360u); // %41 sum
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 1u + i]; }
  mem[at0 + i] = acc;
}

// literal 1.0
fn fill_30(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 361u); // literal 1.0
  mem[at0 + i] = 1.0;
}

// %44 broadcast_to ∂loss
fn broadcast_to_31(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 89u + dims.B * 80u + 362u); // %44 broadcast_to ∂loss
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 80u + 361u); // literal 1.0
  let j = 0u;
  mem[at0 + i] = mem[at1 + j];
}

// %45 expand_last
fn expand_last_32(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 90u + dims.B * 80u + 362u); // %45 expand_last
  let at1 = (dims.T_T * dims.B * 89u + dims.B * 80u + 362u); // %44 broadcast_to ∂loss
  mem[at0 + i] = mem[at1 + i / 5u];
}

// %46 mul
fn mul_33(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 95u + dims.B * 80u + 362u); // %46 mul
  let at1 = (dims.T_T * dims.B * 90u + dims.B * 80u + 362u); // %45 expand_last
  let at2 = (dims.T_T * dims.B * 78u + dims.B * 80u + 360u); // input d:output
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

// %53 time_shift LSTM: previous h
fn time_shift_34(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 100u + dims.B * 80u + 362u); // %53 time_shift LSTM: previous h
  let at1 = (dims.T_T * dims.B * 43u + dims.B * 25u + 360u); // LSTM output 0
  let at2 = select((dims.T_T * dims.B * 3u + 200u), (dims.T_T * dims.B * 3u + dims.B * 5u + 200u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = select(mem[at1 + i - min(i, dims.B * 5u)], mem[at2 + min(i, dims.B * 5u - 1u)], i < dims.B * 5u);
}

// %55 sub — 35: h' = o * tanh(c')
fn sub_35(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 105u + dims.B * 80u + 362u); // %55 sub
  let at1 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u); // LSTM output 1
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}

// %57 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_36(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 110u + dims.B * 80u + 362u); // %57 mul ∂o
  let at1 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u); // LSTM output 2
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

// %59 sub ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn sub_37(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 115u + dims.B * 80u + 362u); // %59 sub ∂g
  let at1 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u); // LSTM output 3
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = 1.0 - (mem[at1 + l * 5u + j] * mem[at1 + l * 5u + j]);
}

// %61 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_38(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 120u + dims.B * 80u + 362u); // %61 mul ∂f
  let at1 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u); // LSTM output 5
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

// %63 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_39(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 125u + dims.B * 80u + 362u); // %63 mul ∂i
  let at1 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u); // LSTM output 4
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * (1.0 - mem[at1 + l * 5u + j]);
}

// %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
fn stack_rows_40(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 362u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
  let at1 = (dims.T_T * dims.B * 3u + 135u); // param W_ho
  let at2 = (dims.T_T * dims.B * 3u + 110u); // param W_hg
  let at3 = (dims.T_T * dims.B * 3u + 85u); // param W_hf
  let at4 = (dims.T_T * dims.B * 3u + 60u); // param W_hi
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
fn stack_rows_41(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 462u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
  let at1 = (dims.T_T * dims.B * 3u + 45u); // param W_io
  let at2 = (dims.T_T * dims.B * 3u + 30u); // param W_ig
  let at3 = (dims.T_T * dims.B * 3u + 15u); // param W_if
  let at4 = dims.T_T * dims.B * 3u; // param W_ii
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
fn copy_42(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: the initial ∂c
fn copy_43(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at1 = (dims.T_T * dims.B * 3u + 200u); // %17 const
  mem[at0 + i] = mem[at1 + i];
}

// %3 add
fn add_44(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at2 = (dims.T_T * dims.B * 95u + dims.B * 80u + 362u) + t * dims.B * 5u; // %46 mul at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + mem[at2 + l * 5u + j];
}

// %10 add
fn add_45(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at3 = (dims.T_T * dims.B * 53u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 2 at step t
  let at4 = (dims.T_T * dims.B * 105u + dims.B * 80u + 362u) + t * dims.B * 5u; // %55 sub at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] + ((mem[at2 + l * 5u + j] * mem[at3 + l * 5u + j]) * mem[at4 + l * 5u + j]);
}

// %18 mul — 34: c' = f * c + i * g
fn mul_46(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 100u + 522u); // %18 mul
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 68u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 5 at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j];
}

// %20 mul ∂o — 32: o = sigmoid(W_io @ x + b_io + W_ho @ h + b_ho)   // output gate
fn mul_47(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 90u + 522u); // %3 add
  let at2 = (dims.T_T * dims.B * 48u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 1 at step t
  let at3 = (dims.T_T * dims.B * 110u + dims.B * 80u + 362u) + t * dims.B * 5u; // %57 mul ∂o at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

// %22 mul ∂g — 31: g = tanh(W_ig @ x + b_ig + W_hg @ h + b_hg)      // candidate cell state
fn mul_48(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 63u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 4 at step t
  let at3 = (dims.T_T * dims.B * 115u + dims.B * 80u + 362u) + t * dims.B * 5u; // %59 sub ∂g at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

// %24 mul ∂f — 30: f = sigmoid(W_if @ x + b_if + W_hf @ h + b_hf)   // forget gate
fn mul_49(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 73u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 6 at step t
  let at3 = (dims.T_T * dims.B * 120u + dims.B * 80u + 362u) + t * dims.B * 5u; // %61 mul ∂f at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

// %26 mul ∂i — 29: i = sigmoid(W_ii @ x + b_ii + W_hi @ h + b_hi)   // input gate
fn mul_50(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 95u + 522u); // %10 add
  let at2 = (dims.T_T * dims.B * 58u + dims.B * 25u + 360u) + t * dims.B * 5u; // LSTM output 3 at step t
  let at3 = (dims.T_T * dims.B * 125u + dims.B * 80u + 362u) + t * dims.B * 5u; // %63 mul ∂i at step t
  let l = i / 5u;
  let j = i % 5u;
  mem[at0 + i] = (mem[at1 + l * 5u + j] * mem[at2 + l * 5u + j]) * mem[at3 + l * 5u + j];
}

// %27 concat
fn concat_51(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 125u + 522u); // %27 concat
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  let at2 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  let at3 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  let at4 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
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
fn matmul_52(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 145u + 522u); // %29 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 125u + 522u); // %27 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 80u + 362u); // %64 stack_rows packed W_ho, W_hg, W_hf, W_hi
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

// ∂LSTM: step output 0 at step t
fn copy_53(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 0
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 120u + 522u); // %26 mul ∂i
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: step output 1 at step t
fn copy_54(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 1
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 115u + 522u); // %24 mul ∂f
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: step output 2 at step t
fn copy_55(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 2
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 110u + 522u); // %22 mul ∂g
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: step output 3 at step t
fn copy_56(i: u32, t: u32) {
  let at0 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u) + t * dims.B * 5u; // ∂LSTM output 3
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 105u + 522u); // %20 mul ∂o
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: the next ∂h
fn copy_57(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 80u + 522u); // ∂LSTM state ∂h
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 145u + 522u); // %29 matmul fused gate products
  mem[at0 + i] = mem[at1 + i];
}

// ∂LSTM: the next ∂c
fn copy_58(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 130u + dims.B * 85u + 522u); // ∂LSTM state ∂c
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 100u + 522u); // %18 mul
  mem[at0 + i] = mem[at1 + i];
}

// %73 concat
fn concat_59(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
  let at2 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let at3 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let at4 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

// %75 unbroadcast fused weight gradients
fn unbroadcast_60(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at2 = 0u; // input x
  let j = i % 60u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 3u] * mem[at2 + q * 3u + j % 3u]; }
  mem[at0 + i] = acc;
}

// %76 slice_rows ∂LSTM: ∂W_ii (batched)
fn slice_rows_61(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 582u); // %76 slice_rows ∂LSTM: ∂W_ii (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 0u + j];
}

// %77 slice_rows ∂LSTM: ∂W_if (batched)
fn slice_rows_62(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 597u); // %77 slice_rows ∂LSTM: ∂W_if (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 15u + j];
}

// %78 slice_rows ∂LSTM: ∂W_ig (batched)
fn slice_rows_63(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 612u); // %78 slice_rows ∂LSTM: ∂W_ig (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 30u + j];
}

// %79 slice_rows ∂LSTM: ∂W_io (batched)
fn slice_rows_64(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 627u); // %79 slice_rows ∂LSTM: ∂W_io (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 522u); // %75 unbroadcast fused weight gradients
  let l = i / 15u;
  let j = i % 15u;
  mem[at0 + i] = mem[at1 + l * 60u + 45u + j];
}

// %81 unbroadcast fused weight gradients
fn unbroadcast_65(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let at1 = (dims.T_T * dims.B * 150u + dims.B * 150u + 522u); // %73 concat
  let at2 = (dims.T_T * dims.B * 100u + dims.B * 80u + 362u); // %53 time_shift LSTM: previous h
  let j = i % 100u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 20u + j / 5u] * mem[at2 + q * 5u + j % 5u]; }
  mem[at0 + i] = acc;
}

// %82 slice_rows ∂LSTM: ∂W_hi (batched)
fn slice_rows_66(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 742u); // %82 slice_rows ∂LSTM: ∂W_hi (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 0u + j];
}

// %83 slice_rows ∂LSTM: ∂W_hf (batched)
fn slice_rows_67(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 767u); // %83 slice_rows ∂LSTM: ∂W_hf (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 25u + j];
}

// %84 slice_rows ∂LSTM: ∂W_hg (batched)
fn slice_rows_68(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 792u); // %84 slice_rows ∂LSTM: ∂W_hg (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 50u + j];
}

// %85 slice_rows ∂LSTM: ∂W_ho (batched)
fn slice_rows_69(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 817u); // %85 slice_rows ∂LSTM: ∂W_ho (batched)
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 642u); // %81 unbroadcast fused weight gradients
  let l = i / 25u;
  let j = i % 25u;
  mem[at0 + i] = mem[at1 + l * 100u + 75u + j];
}

// %86 unbroadcast ∂LSTM: ∂b_ii (batched)
fn unbroadcast_70(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 842u); // %86 unbroadcast ∂LSTM: ∂b_ii (batched)
  let at1 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

// %87 unbroadcast ∂LSTM: ∂b_if (batched)
fn unbroadcast_71(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 847u); // %87 unbroadcast ∂LSTM: ∂b_if (batched)
  let at1 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

// %88 unbroadcast ∂LSTM: ∂b_ig (batched)
fn unbroadcast_72(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 852u); // %88 unbroadcast ∂LSTM: ∂b_ig (batched)
  let at1 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

// %89 unbroadcast ∂LSTM: ∂b_io (batched)
fn unbroadcast_73(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 857u); // %89 unbroadcast ∂LSTM: ∂b_io (batched)
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
  let j = i % 5u;
  var acc = 0.0;
  for (var q = 0u; q < dims.T_T * dims.B; q++) { acc += mem[at1 + q * 5u + j]; }
  mem[at0 + i] = acc;
}

// %90 concat
fn concat_74(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 170u + dims.B * 150u + 862u); // %90 concat
  let at1 = (dims.T_T * dims.B * 145u + dims.B * 90u + 522u); // ∂LSTM output 3
  let at2 = (dims.T_T * dims.B * 140u + dims.B * 90u + 522u); // ∂LSTM output 2
  let at3 = (dims.T_T * dims.B * 135u + dims.B * 90u + 522u); // ∂LSTM output 1
  let at4 = (dims.T_T * dims.B * 130u + dims.B * 90u + 522u); // ∂LSTM output 0
  let l = i / 20u;
  let j = i % 20u;
  var v = 0.0;
  if (j % 20u < 5u) { v = mem[at1 + l * 5u + j / 20u * 5u + j % 20u - 0u]; }
  else if (j % 20u < 10u) { v = mem[at2 + l * 5u + j / 20u * 5u + j % 20u - 5u]; }
  else if (j % 20u < 15u) { v = mem[at3 + l * 5u + j / 20u * 5u + j % 20u - 10u]; }
  else { v = mem[at4 + l * 5u + j / 20u * 5u + j % 20u - 15u]; }
  mem[at0 + i] = v;
}

// %91 matmul fused gate products
fn matmul_75(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 190u + dims.B * 150u + 862u); // %91 matmul fused gate products
  let at1 = (dims.T_T * dims.B * 170u + dims.B * 150u + 862u); // %90 concat
  let at2 = (dims.T_T * dims.B * 130u + dims.B * 80u + 462u); // %65 stack_rows packed W_io, W_ig, W_if, W_ii
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
fn main(@builtin(local_invocation_index) lane: u32) {
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    fill_0(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 60u; i += 64u) {
    stack_rows_1(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < (dims.T_T * dims.B + 0u) / 1u * 3u; i += 64u) {
    matmul_2(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_3(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_4(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_5(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    add_6(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 100u; i += 64u) {
    stack_rows_7(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_8(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_9(i, 0u);
  }
  storageBarrier();
  // LSTM: from the first step to the last
  for (var s = 0u; s < dims.T_T; s++) {
    let t = s;
    for (var i = lane; i < (dims.B + 0u) / 1u * 3u; i += 64u) {
      matmul_10(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_11(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_12(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      tanh_13(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      sigmoid_14(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_15(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      tanh_16(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_17(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_18(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_19(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_20(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_21(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_22(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_23(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_24(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_25(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_26(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    mul_27(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B; i += 64u) {
    sum_28(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 1u; i += 64u) {
    reduce_lead_29(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 1u; i += 64u) {
    fill_30(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B; i += 64u) {
    broadcast_to_31(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    expand_last_32(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    mul_33(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    time_shift_34(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    sub_35(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    mul_36(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    sub_37(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    mul_38(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 5u; i += 64u) {
    mul_39(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 100u; i += 64u) {
    stack_rows_40(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 60u; i += 64u) {
    stack_rows_41(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_42(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.B * 5u; i += 64u) {
    copy_43(i, 0u);
  }
  storageBarrier();
  // ∂LSTM: from the last step to the first
  for (var s = 0u; s < dims.T_T; s++) {
    let t = dims.T_T - 1u - s;
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_44(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      add_45(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_46(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_47(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_48(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_49(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      mul_50(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 20u; i += 64u) {
      concat_51(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      matmul_52(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_53(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_54(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_55(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_56(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_57(i, t);
    }
    storageBarrier();
    for (var i = lane; i < dims.B * 5u; i += 64u) {
      copy_58(i, t);
    }
    storageBarrier();
  }
  for (var i = lane; i < dims.T_T * dims.B * 20u; i += 64u) {
    concat_59(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 60u; i += 64u) {
    unbroadcast_60(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 15u; i += 64u) {
    slice_rows_61(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 15u; i += 64u) {
    slice_rows_62(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 15u; i += 64u) {
    slice_rows_63(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 15u; i += 64u) {
    slice_rows_64(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 100u; i += 64u) {
    unbroadcast_65(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 25u; i += 64u) {
    slice_rows_66(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 25u; i += 64u) {
    slice_rows_67(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 25u; i += 64u) {
    slice_rows_68(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 25u; i += 64u) {
    slice_rows_69(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 5u; i += 64u) {
    unbroadcast_70(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 5u; i += 64u) {
    unbroadcast_71(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 5u; i += 64u) {
    unbroadcast_72(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < 5u; i += 64u) {
    unbroadcast_73(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 20u; i += 64u) {
    concat_74(i, 0u);
  }
  storageBarrier();
  for (var i = lane; i < dims.T_T * dims.B * 3u; i += 64u) {
    matmul_75(i, 0u);
  }
  storageBarrier();
}
