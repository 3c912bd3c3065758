// rnnc kernel forward_small_batch_03_loop: persistent, one workgroup of 64 threads runs 3 phases in one dispatch,
// with a barrier between phases.
// It computes the gates after the product too (sigmoid_7_to_add_8), from the sums each thread holds: they are never stored.
// The weights its time loops read are copied into workgroup memory first (12288 bytes).
// Its time loops' GEMMs hold W in each thread's private memory (one GEMM): this variant needs subgroups.
enable subgroups;
diagnostic(off, subgroup_uniformity);
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

var<workgroup> cache: array<f32, 3072>;

// GRU: the initial h
fn copy_5(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 227u + dims.B * 64u + 3552u); // GRU state h (initial)
  let at1 = select((dims.T_T * dims.B * 3u + 3552u), (dims.T_T * dims.B * 3u + dims.B * 32u + 3552u), dims.given0 != 0u); // initial state h
  mem[at0 + i] = mem[at1 + i];
}

var<private> matmul_6_w: array<f32, 48>;
// Loads the values of W this thread holds: 6 rows × 8 columns.
fn matmul_6_hold(i: u32) {
  let W = 0u; // %25 stack_rows packed W_hr, W_hz, W_hn (in place) (in workgroup memory)
  let quad = i / 4u;
  let col = i % 4u * 8u;
  for (var r = 0u; r < 6u; r++) {
    let start = W + min(r / 2u * 32u + min(quad * 2u + r % 2u, 31u), 95u) * 32u;
    for (var c = 0u; c < 8u; c++) {
      matmul_6_w[r * 8u + c] = select(0.0, cache[start + min(col + c, 31u)], col + c < 32u);
    }
  }
}
// %3 matmul fused gates — 24: r = sigmoid(W_ir @ x + b_ir + W_hr @ h + b_hr)   // reset gate (W held in private memory, 6 rows × 8 columns a thread, 4 threads sharing each row; rows by unit, 3 gates of 2 units a quad, each thread's units computed on): the step of sample s
fn matmul_6_sample(i: u32, t: u32, s: u32) {
  let at0 = select((dims.T_T * dims.B * 227u + dims.B * 64u + 3552u), (dims.T_T * dims.B * 195u + dims.B * 64u + 3552u) + (t - 1u) * dims.B * 32u, t != 0u); // GRU state h
  let q = i % 4u;
  let quad = i / 4u;
  let col = q * 8u;
  let xs = at0 + s * 32u;
  let u0 = mem[xs + col + 0u];
  let u1 = mem[xs + col + 1u];
  let u2 = mem[xs + col + 2u];
  let u3 = mem[xs + col + 3u];
  let u4 = mem[xs + col + 4u];
  let u5 = mem[xs + col + 5u];
  let u6 = mem[xs + col + 6u];
  let u7 = mem[xs + col + 7u];
  var acc0 = matmul_6_w[0u] * u0;
  acc0 += matmul_6_w[1u] * u1;
  acc0 += matmul_6_w[2u] * u2;
  acc0 += matmul_6_w[3u] * u3;
  acc0 += matmul_6_w[4u] * u4;
  acc0 += matmul_6_w[5u] * u5;
  acc0 += matmul_6_w[6u] * u6;
  acc0 += matmul_6_w[7u] * u7;
  acc0 += quadSwapX(acc0);
  acc0 += quadSwapY(acc0);
  var acc1 = matmul_6_w[8u] * u0;
  acc1 += matmul_6_w[9u] * u1;
  acc1 += matmul_6_w[10u] * u2;
  acc1 += matmul_6_w[11u] * u3;
  acc1 += matmul_6_w[12u] * u4;
  acc1 += matmul_6_w[13u] * u5;
  acc1 += matmul_6_w[14u] * u6;
  acc1 += matmul_6_w[15u] * u7;
  acc1 += quadSwapX(acc1);
  acc1 += quadSwapY(acc1);
  var acc2 = matmul_6_w[16u] * u0;
  acc2 += matmul_6_w[17u] * u1;
  acc2 += matmul_6_w[18u] * u2;
  acc2 += matmul_6_w[19u] * u3;
  acc2 += matmul_6_w[20u] * u4;
  acc2 += matmul_6_w[21u] * u5;
  acc2 += matmul_6_w[22u] * u6;
  acc2 += matmul_6_w[23u] * u7;
  acc2 += quadSwapX(acc2);
  acc2 += quadSwapY(acc2);
  var acc3 = matmul_6_w[24u] * u0;
  acc3 += matmul_6_w[25u] * u1;
  acc3 += matmul_6_w[26u] * u2;
  acc3 += matmul_6_w[27u] * u3;
  acc3 += matmul_6_w[28u] * u4;
  acc3 += matmul_6_w[29u] * u5;
  acc3 += matmul_6_w[30u] * u6;
  acc3 += matmul_6_w[31u] * u7;
  acc3 += quadSwapX(acc3);
  acc3 += quadSwapY(acc3);
  var acc4 = matmul_6_w[32u] * u0;
  acc4 += matmul_6_w[33u] * u1;
  acc4 += matmul_6_w[34u] * u2;
  acc4 += matmul_6_w[35u] * u3;
  acc4 += matmul_6_w[36u] * u4;
  acc4 += matmul_6_w[37u] * u5;
  acc4 += matmul_6_w[38u] * u6;
  acc4 += matmul_6_w[39u] * u7;
  acc4 += quadSwapX(acc4);
  acc4 += quadSwapY(acc4);
  var acc5 = matmul_6_w[40u] * u0;
  acc5 += matmul_6_w[41u] * u1;
  acc5 += matmul_6_w[42u] * u2;
  acc5 += matmul_6_w[43u] * u3;
  acc5 += matmul_6_w[44u] * u4;
  acc5 += matmul_6_w[45u] * u5;
  acc5 += matmul_6_w[46u] * u6;
  acc5 += matmul_6_w[47u] * u7;
  acc5 += quadSwapX(acc5);
  acc5 += quadSwapY(acc5);
  {
    let unit = quad * 2u + 0u + q;
    if (0u + q < 2u) { sigmoid_7_to_add_8_gated(s * 32u + unit, t, select(select(select(acc0, acc1, q == 1u), 0.0, q == 2u), 0.0, q == 3u), select(select(select(acc2, acc3, q == 1u), 0.0, q == 2u), 0.0, q == 3u), select(select(select(acc4, acc5, q == 1u), 0.0, q == 2u), 0.0, q == 3u)); }
  }
}
// %12 sigmoid z — 25: z = sigmoid(W_iz @ x + b_iz + W_hz @ h + b_hz)   // update gate
fn sigmoid_7_gated(i: u32, t: u32, g0: f32, g1: f32, g2: f32) {
  let at0 = (dims.T_T * dims.B * 227u + dims.B * 192u + 3552u); // %12 sigmoid z
  let at1 = (dims.T_T * dims.B * 131u + dims.B * 64u + 3552u) + t * dims.B * 32u; // %22 add at step t
  let l = i / 32u;
  let j = i % 32u;
  mem[at0 + i] = 1.0 / (1.0 + exp(-(mem[at1 + l * 32u + j] + g1)));
}
// %22 add h' — 27: h' = (1 - z) * n + z * h
fn add_8_gated(i: u32, t: u32, g0: f32, g1: f32, g2: f32) {
  let at0 = (dims.T_T * dims.B * 195u + dims.B * 64u + 3552u) + t * dims.B * 32u; // GRU output 0 at step t
  let at1 = (dims.T_T * dims.B * 227u + dims.B * 192u + 3552u); // %12 sigmoid z
  let at2 = (dims.T_T * dims.B * 163u + dims.B * 64u + 3552u) + t * dims.B * 32u; // %24 add at step t
  let at3 = (dims.T_T * dims.B * 99u + dims.B * 64u + 3552u) + t * dims.B * 32u; // %19 add at step t
  let at5 = (dims.T_T * dims.B * 3u + 3520u); // param b_hn
  let at6 = select((dims.T_T * dims.B * 227u + dims.B * 64u + 3552u), (dims.T_T * dims.B * 195u + dims.B * 64u + 3552u) + (t - 1u) * dims.B * 32u, t != 0u); // GRU state h
  let l = i / 32u;
  let j = i % 32u;
  mem[at0 + i] = ((1.0 - mem[at1 + l * 32u + j]) * (tanh_f32((mem[at2 + l * 32u + j] + ((1.0 / (1.0 + exp(-(mem[at3 + l * 32u + j] + g0)))) * (g2 + mem[at5 + j])))))) + (mem[at1 + l * 32u + j] * mem[at6 + l * 32u + j]);
}
// sigmoid_7, then add_8, element by element (one dispatch for both).
fn sigmoid_7_to_add_8_gated(i: u32, t: u32, g0: f32, g1: f32, g2: f32) {
  sigmoid_7_gated(i, t, g0, g1, g2);
  add_8_gated(i, t, g0, g1, g2);
}

// GRU: the final h
fn copy_9(i: u32, _t: u32) {
  let at0 = (dims.T_T * dims.B * 227u + dims.B * 224u + 3552u); // GRU final h
  let at1 = select((dims.T_T * dims.B * 227u + dims.B * 64u + 3552u), (dims.T_T * dims.B * 195u + dims.B * 64u + 3552u) + (dims.T_T - 1u) * dims.B * 32u, dims.T_T > 0u); // GRU state h
  mem[at0 + i] = mem[at1 + i];
}

@compute @workgroup_size(64)
fn main(@builtin(local_invocation_index) lane: u32) {
  // %25 stack_rows packed W_hr, W_hz, W_hn (in place)
  for (var i = lane; i < 3072u; i += 64u) {
    cache[0u + i] = mem[288u + i];
  }
  workgroupBarrier();
  for (var i = lane; i < dims.B * 32u; i += 64u) {
    copy_5(i, 0u);
  }
  storageBarrier();
  matmul_6_hold(lane);
  // GRU: from the first step to the last
  // One sample at a time: each runs all its steps, then the next.
  for (var n = 0u; n < dims.B; n++) {
    for (var s = 0u; s < dims.T_T; s++) {
      let t = s;
      matmul_6_sample(lane, t, n);
      storageBarrier();
    }
  }
  for (var i = lane; i < dims.B * 32u; i += 64u) {
    copy_9(i, 0u);
  }
  storageBarrier();
}
