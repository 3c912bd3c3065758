(module
  (import "env" "memory" (memory 1))
  ;; out[s][i] = Σ_p w[i][p] x[s][p] for i < 20, p < 3; tiles of 4 samples × 2 rows
  (func $rows_20x3 (export "rows_20x3") (param $w i32) (param $x i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $i i32)
    (local $wp i32)
    (local $xp i32)
    (local $pe i32)
    (local $op i32)
    (local $w0 v128)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $acc2_0 v128)
    (local $acc2_1 v128)
    (local $acc3_0 v128)
    (local $acc3_1 v128)
    (local $x0 v128)
    (local $x1 v128)
    (local $x2 v128)
    (local $x3 v128)
    (local $t0 v128)
    (local $t1 v128)
    (local $sum v128)
    (local $acc0_2 v128)
    (local $acc0_3 v128)
    (local $acc0_4 v128)
    (local $acc0_5 v128)
    (local $acc0_6 v128)
    (local $acc0_7 v128)
    i32.const 0
    local.set $s
    block $b0
      loop $l1
        local.get $samples
        local.get $s
        i32.sub
        i32.const 4
        i32.lt_s
        br_if $b0
        i32.const 0
        local.set $i
        block $b2
          loop $l3
            local.get $i
            i32.const 20
            i32.ge_s
            br_if $b2
            ;; 4 samples × 2 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc2_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc2_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc3_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc3_1
            local.get $w
            local.get $i
            i32.const 12
            i32.mul
            i32.add
            local.set $wp
            local.get $x
            local.get $s
            i32.const 12
            i32.mul
            i32.add
            local.set $xp
            ;; the last 3 of each row, masked
            local.get $xp
            v128.load
            local.set $x0
            local.get $xp
            v128.load offset=12
            local.set $x1
            local.get $xp
            v128.load offset=24
            local.set $x2
            local.get $xp
            v128.load offset=36
            local.set $x3
            local.get $wp
            v128.load
            local.set $w0
            local.get $acc0_0
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_0
            local.get $acc1_0
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc1_0
            local.get $acc2_0
            local.get $w0
            local.get $x2
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc2_0
            local.get $acc3_0
            local.get $w0
            local.get $x3
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc3_0
            local.get $wp
            v128.load offset=12
            local.set $w0
            local.get $acc0_1
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_1
            local.get $acc1_1
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc1_1
            local.get $acc2_1
            local.get $w0
            local.get $x2
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc2_1
            local.get $acc3_1
            local.get $w0
            local.get $x3
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc3_1
            local.get $out
            local.get $s
            i32.const 80
            i32.mul
            i32.add
            local.get $i
            i32.const 4
            i32.mul
            i32.add
            local.set $op
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=4
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=80
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=84
            local.get $acc2_0
            local.get $acc2_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc2_0
            local.get $acc2_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=160
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=164
            local.get $acc3_0
            local.get $acc3_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc3_0
            local.get $acc3_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=240
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=244
            local.get $i
            i32.const 2
            i32.add
            local.set $i
            br $l3
          end
        end
        local.get $s
        i32.const 4
        i32.add
        local.set $s
        br $l1
      end
    end
    block $b4
      loop $l5
        local.get $s
        local.get $samples
        i32.ge_s
        br_if $b4
        i32.const 0
        local.set $i
        block $b6
          loop $l7
            local.get $i
            i32.const 16
            i32.ge_s
            br_if $b6
            ;; 1 sample × 8 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_3
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_4
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_5
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_6
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_7
            local.get $w
            local.get $i
            i32.const 12
            i32.mul
            i32.add
            local.set $wp
            local.get $x
            local.get $s
            i32.const 12
            i32.mul
            i32.add
            local.set $xp
            ;; the last 3 of each row, masked
            local.get $xp
            v128.load
            local.set $x0
            local.get $wp
            v128.load
            local.set $w0
            local.get $acc0_0
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_0
            local.get $wp
            v128.load offset=12
            local.set $w0
            local.get $acc0_1
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_1
            local.get $wp
            v128.load offset=24
            local.set $w0
            local.get $acc0_2
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_2
            local.get $wp
            v128.load offset=36
            local.set $w0
            local.get $acc0_3
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_3
            local.get $wp
            v128.load offset=48
            local.set $w0
            local.get $acc0_4
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_4
            local.get $wp
            v128.load offset=60
            local.set $w0
            local.get $acc0_5
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_5
            local.get $wp
            v128.load offset=72
            local.set $w0
            local.get $acc0_6
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_6
            local.get $wp
            v128.load offset=84
            local.set $w0
            local.get $acc0_7
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc0_7
            local.get $out
            local.get $s
            i32.const 80
            i32.mul
            i32.add
            local.get $i
            i32.const 4
            i32.mul
            i32.add
            local.set $op
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc0_2
            local.get $acc0_3
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_2
            local.get $acc0_3
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            v128.store
            local.get $acc0_4
            local.get $acc0_5
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_4
            local.get $acc0_5
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc0_6
            local.get $acc0_7
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_6
            local.get $acc0_7
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            v128.store offset=16
            local.get $i
            i32.const 8
            i32.add
            local.set $i
            br $l7
          end
        end
        i32.const 16
        local.set $i
        ;; 1 sample × 4 rows
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_1
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_2
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_3
        local.get $w
        local.get $i
        i32.const 12
        i32.mul
        i32.add
        local.set $wp
        local.get $x
        local.get $s
        i32.const 12
        i32.mul
        i32.add
        local.set $xp
        ;; the last 3 of each row, masked
        local.get $xp
        v128.load
        local.set $x0
        local.get $wp
        v128.load
        local.set $w0
        local.get $acc0_0
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
        v128.and
        f32x4.add
        local.set $acc0_0
        local.get $wp
        v128.load offset=12
        local.set $w0
        local.get $acc0_1
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
        v128.and
        f32x4.add
        local.set $acc0_1
        local.get $wp
        v128.load offset=24
        local.set $w0
        local.get $acc0_2
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
        v128.and
        f32x4.add
        local.set $acc0_2
        local.get $wp
        v128.load offset=36
        local.set $w0
        local.get $acc0_3
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
        v128.and
        f32x4.add
        local.set $acc0_3
        local.get $out
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.get $i
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $acc0_0
        local.get $acc0_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $acc0_0
        local.get $acc0_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f32x4.add
        local.set $t0
        local.get $acc0_2
        local.get $acc0_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $acc0_2
        local.get $acc0_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f32x4.add
        local.set $t1
        local.get $t0
        local.get $t1
        i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        local.get $t0
        local.get $t1
        i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        f32x4.add
        local.set $sum
        local.get $op
        local.get $sum
        v128.store
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l5
      end
    end
  )
  ;; out[s][i] = Σ_p w[i][p] x[s][p] for i < 20, p < 5; tiles of 4 samples × 2 rows
  (func $rows_20x5 (export "rows_20x5") (param $w i32) (param $x i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $i i32)
    (local $wp i32)
    (local $xp i32)
    (local $pe i32)
    (local $op i32)
    (local $w0 v128)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $acc2_0 v128)
    (local $acc2_1 v128)
    (local $acc3_0 v128)
    (local $acc3_1 v128)
    (local $x0 v128)
    (local $x1 v128)
    (local $x2 v128)
    (local $x3 v128)
    (local $t0 v128)
    (local $t1 v128)
    (local $sum v128)
    (local $acc0_2 v128)
    (local $acc0_3 v128)
    (local $acc0_4 v128)
    (local $acc0_5 v128)
    (local $acc0_6 v128)
    (local $acc0_7 v128)
    i32.const 0
    local.set $s
    block $b0
      loop $l1
        local.get $samples
        local.get $s
        i32.sub
        i32.const 4
        i32.lt_s
        br_if $b0
        i32.const 0
        local.set $i
        block $b2
          loop $l3
            local.get $i
            i32.const 20
            i32.ge_s
            br_if $b2
            ;; 4 samples × 2 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc2_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc2_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc3_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc3_1
            local.get $w
            local.get $i
            i32.const 20
            i32.mul
            i32.add
            local.set $wp
            local.get $x
            local.get $s
            i32.const 20
            i32.mul
            i32.add
            local.set $xp
            local.get $wp
            i32.const 16
            i32.add
            local.set $pe
            loop $l4
              local.get $xp
              v128.load
              local.set $x0
              local.get $xp
              v128.load offset=20
              local.set $x1
              local.get $xp
              v128.load offset=40
              local.set $x2
              local.get $xp
              v128.load offset=60
              local.set $x3
              local.get $wp
              v128.load
              local.set $w0
              local.get $acc0_0
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_0
              local.get $acc1_0
              local.get $w0
              local.get $x1
              f32x4.mul
              f32x4.add
              local.set $acc1_0
              local.get $acc2_0
              local.get $w0
              local.get $x2
              f32x4.mul
              f32x4.add
              local.set $acc2_0
              local.get $acc3_0
              local.get $w0
              local.get $x3
              f32x4.mul
              f32x4.add
              local.set $acc3_0
              local.get $wp
              v128.load offset=20
              local.set $w0
              local.get $acc0_1
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_1
              local.get $acc1_1
              local.get $w0
              local.get $x1
              f32x4.mul
              f32x4.add
              local.set $acc1_1
              local.get $acc2_1
              local.get $w0
              local.get $x2
              f32x4.mul
              f32x4.add
              local.set $acc2_1
              local.get $acc3_1
              local.get $w0
              local.get $x3
              f32x4.mul
              f32x4.add
              local.set $acc3_1
              local.get $wp
              i32.const 16
              i32.add
              local.set $wp
              local.get $xp
              i32.const 16
              i32.add
              local.set $xp
              local.get $wp
              local.get $pe
              i32.lt_s
              br_if $l4
            end
            ;; the last 1 of each row, masked
            local.get $xp
            v128.load
            local.set $x0
            local.get $xp
            v128.load offset=20
            local.set $x1
            local.get $xp
            v128.load offset=40
            local.set $x2
            local.get $xp
            v128.load offset=60
            local.set $x3
            local.get $wp
            v128.load
            local.set $w0
            local.get $acc0_0
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_0
            local.get $acc1_0
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc1_0
            local.get $acc2_0
            local.get $w0
            local.get $x2
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc2_0
            local.get $acc3_0
            local.get $w0
            local.get $x3
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc3_0
            local.get $wp
            v128.load offset=20
            local.set $w0
            local.get $acc0_1
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_1
            local.get $acc1_1
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc1_1
            local.get $acc2_1
            local.get $w0
            local.get $x2
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc2_1
            local.get $acc3_1
            local.get $w0
            local.get $x3
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc3_1
            local.get $out
            local.get $s
            i32.const 80
            i32.mul
            i32.add
            local.get $i
            i32.const 4
            i32.mul
            i32.add
            local.set $op
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=4
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=80
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=84
            local.get $acc2_0
            local.get $acc2_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc2_0
            local.get $acc2_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=160
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=164
            local.get $acc3_0
            local.get $acc3_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc3_0
            local.get $acc3_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            v128.const i32x4 0x0 0x0 0x0 0x0
            v128.const i32x4 0x0 0x0 0x0 0x0
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            f32x4.extract_lane 0
            f32.store offset=240
            local.get $op
            local.get $sum
            f32x4.extract_lane 1
            f32.store offset=244
            local.get $i
            i32.const 2
            i32.add
            local.set $i
            br $l3
          end
        end
        local.get $s
        i32.const 4
        i32.add
        local.set $s
        br $l1
      end
    end
    block $b5
      loop $l6
        local.get $s
        local.get $samples
        i32.ge_s
        br_if $b5
        i32.const 0
        local.set $i
        block $b7
          loop $l8
            local.get $i
            i32.const 16
            i32.ge_s
            br_if $b7
            ;; 1 sample × 8 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_3
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_4
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_5
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_6
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_7
            local.get $w
            local.get $i
            i32.const 20
            i32.mul
            i32.add
            local.set $wp
            local.get $x
            local.get $s
            i32.const 20
            i32.mul
            i32.add
            local.set $xp
            local.get $wp
            i32.const 16
            i32.add
            local.set $pe
            loop $l9
              local.get $xp
              v128.load
              local.set $x0
              local.get $wp
              v128.load
              local.set $w0
              local.get $acc0_0
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_0
              local.get $wp
              v128.load offset=20
              local.set $w0
              local.get $acc0_1
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_1
              local.get $wp
              v128.load offset=40
              local.set $w0
              local.get $acc0_2
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_2
              local.get $wp
              v128.load offset=60
              local.set $w0
              local.get $acc0_3
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_3
              local.get $wp
              v128.load offset=80
              local.set $w0
              local.get $acc0_4
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_4
              local.get $wp
              v128.load offset=100
              local.set $w0
              local.get $acc0_5
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_5
              local.get $wp
              v128.load offset=120
              local.set $w0
              local.get $acc0_6
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_6
              local.get $wp
              v128.load offset=140
              local.set $w0
              local.get $acc0_7
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_7
              local.get $wp
              i32.const 16
              i32.add
              local.set $wp
              local.get $xp
              i32.const 16
              i32.add
              local.set $xp
              local.get $wp
              local.get $pe
              i32.lt_s
              br_if $l9
            end
            ;; the last 1 of each row, masked
            local.get $xp
            v128.load
            local.set $x0
            local.get $wp
            v128.load
            local.set $w0
            local.get $acc0_0
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_0
            local.get $wp
            v128.load offset=20
            local.set $w0
            local.get $acc0_1
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_1
            local.get $wp
            v128.load offset=40
            local.set $w0
            local.get $acc0_2
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_2
            local.get $wp
            v128.load offset=60
            local.set $w0
            local.get $acc0_3
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_3
            local.get $wp
            v128.load offset=80
            local.set $w0
            local.get $acc0_4
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_4
            local.get $wp
            v128.load offset=100
            local.set $w0
            local.get $acc0_5
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_5
            local.get $wp
            v128.load offset=120
            local.set $w0
            local.get $acc0_6
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_6
            local.get $wp
            v128.load offset=140
            local.set $w0
            local.get $acc0_7
            local.get $w0
            local.get $x0
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc0_7
            local.get $out
            local.get $s
            i32.const 80
            i32.mul
            i32.add
            local.get $i
            i32.const 4
            i32.mul
            i32.add
            local.set $op
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_0
            local.get $acc0_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc0_2
            local.get $acc0_3
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_2
            local.get $acc0_3
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            v128.store
            local.get $acc0_4
            local.get $acc0_5
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_4
            local.get $acc0_5
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc0_6
            local.get $acc0_7
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc0_6
            local.get $acc0_7
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t1
            local.get $t0
            local.get $t1
            i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
            local.get $t0
            local.get $t1
            i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
            f32x4.add
            local.set $sum
            local.get $op
            local.get $sum
            v128.store offset=16
            local.get $i
            i32.const 8
            i32.add
            local.set $i
            br $l8
          end
        end
        i32.const 16
        local.set $i
        ;; 1 sample × 4 rows
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_1
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_2
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_3
        local.get $w
        local.get $i
        i32.const 20
        i32.mul
        i32.add
        local.set $wp
        local.get $x
        local.get $s
        i32.const 20
        i32.mul
        i32.add
        local.set $xp
        local.get $wp
        i32.const 16
        i32.add
        local.set $pe
        loop $l10
          local.get $xp
          v128.load
          local.set $x0
          local.get $wp
          v128.load
          local.set $w0
          local.get $acc0_0
          local.get $w0
          local.get $x0
          f32x4.mul
          f32x4.add
          local.set $acc0_0
          local.get $wp
          v128.load offset=20
          local.set $w0
          local.get $acc0_1
          local.get $w0
          local.get $x0
          f32x4.mul
          f32x4.add
          local.set $acc0_1
          local.get $wp
          v128.load offset=40
          local.set $w0
          local.get $acc0_2
          local.get $w0
          local.get $x0
          f32x4.mul
          f32x4.add
          local.set $acc0_2
          local.get $wp
          v128.load offset=60
          local.set $w0
          local.get $acc0_3
          local.get $w0
          local.get $x0
          f32x4.mul
          f32x4.add
          local.set $acc0_3
          local.get $wp
          i32.const 16
          i32.add
          local.set $wp
          local.get $xp
          i32.const 16
          i32.add
          local.set $xp
          local.get $wp
          local.get $pe
          i32.lt_s
          br_if $l10
        end
        ;; the last 1 of each row, masked
        local.get $xp
        v128.load
        local.set $x0
        local.get $wp
        v128.load
        local.set $w0
        local.get $acc0_0
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0x0 0x0 0x0
        v128.and
        f32x4.add
        local.set $acc0_0
        local.get $wp
        v128.load offset=20
        local.set $w0
        local.get $acc0_1
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0x0 0x0 0x0
        v128.and
        f32x4.add
        local.set $acc0_1
        local.get $wp
        v128.load offset=40
        local.set $w0
        local.get $acc0_2
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0x0 0x0 0x0
        v128.and
        f32x4.add
        local.set $acc0_2
        local.get $wp
        v128.load offset=60
        local.set $w0
        local.get $acc0_3
        local.get $w0
        local.get $x0
        f32x4.mul
        v128.const i32x4 0xffffffff 0x0 0x0 0x0
        v128.and
        f32x4.add
        local.set $acc0_3
        local.get $out
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.get $i
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $acc0_0
        local.get $acc0_1
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $acc0_0
        local.get $acc0_1
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f32x4.add
        local.set $t0
        local.get $acc0_2
        local.get $acc0_3
        i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
        local.get $acc0_2
        local.get $acc0_3
        i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
        f32x4.add
        local.set $t1
        local.get $t0
        local.get $t1
        i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
        local.get $t0
        local.get $t1
        i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31
        f32x4.add
        local.set $sum
        local.get $op
        local.get $sum
        v128.store
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l6
      end
    end
  )
  ;; out[s][j] = Σ_p v[s][p] w[p][j] for p < 20, j < 5; tiles of 2 samples × 16 columns
  (func $cols_20x5 (export "cols_20x5") (param $v i32) (param $w i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $j i32)
    (local $vp i32)
    (local $wp i32)
    (local $pe i32)
    (local $a0 v128)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $op i32)
    i32.const 0
    local.set $s
    block $b0
      loop $l1
        local.get $samples
        local.get $s
        i32.sub
        i32.const 2
        i32.lt_s
        br_if $b0
        i32.const 0
        local.set $j
        ;; 2 × 5 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_1
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_1
        local.get $v
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.set $vp
        local.get $w
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $wp
        local.get $vp
        i32.const 80
        i32.add
        local.set $pe
        loop $l2
          local.get $wp
          v128.load
          local.set $b0
          local.get $wp
          v128.load offset=16
          local.set $b1
          local.get $vp
          v128.load32_splat
          local.set $a0
          local.get $acc0_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc0_0
          local.get $acc0_1
          local.get $a0
          local.get $b1
          f32x4.mul
          f32x4.add
          local.set $acc0_1
          local.get $vp
          v128.load32_splat offset=80
          local.set $a0
          local.get $acc1_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc1_0
          local.get $acc1_1
          local.get $a0
          local.get $b1
          f32x4.mul
          f32x4.add
          local.set $acc1_1
          local.get $vp
          i32.const 4
          i32.add
          local.set $vp
          local.get $wp
          i32.const 20
          i32.add
          local.set $wp
          local.get $vp
          local.get $pe
          i32.lt_s
          br_if $l2
        end
        local.get $out
        local.get $s
        i32.const 20
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        v128.store
        local.get $op
        local.get $acc0_1
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $op
        local.get $acc1_0
        v128.store offset=20
        local.get $op
        local.get $acc1_1
        f32x4.extract_lane 0
        f32.store offset=36
        local.get $s
        i32.const 2
        i32.add
        local.set $s
        br $l1
      end
    end
    block $b3
      loop $l4
        local.get $s
        local.get $samples
        i32.ge_s
        br_if $b3
        i32.const 0
        local.set $j
        ;; 1 × 5 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_1
        local.get $v
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.set $vp
        local.get $w
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $wp
        local.get $vp
        i32.const 80
        i32.add
        local.set $pe
        loop $l5
          local.get $wp
          v128.load
          local.set $b0
          local.get $wp
          v128.load offset=16
          local.set $b1
          local.get $vp
          v128.load32_splat
          local.set $a0
          local.get $acc0_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc0_0
          local.get $acc0_1
          local.get $a0
          local.get $b1
          f32x4.mul
          f32x4.add
          local.set $acc0_1
          local.get $vp
          i32.const 4
          i32.add
          local.set $vp
          local.get $wp
          i32.const 20
          i32.add
          local.set $wp
          local.get $vp
          local.get $pe
          i32.lt_s
          br_if $l5
        end
        local.get $out
        local.get $s
        i32.const 20
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        v128.store
        local.get $op
        local.get $acc0_1
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l4
      end
    end
  )
  ;; out[i][j] = Σ_s a[s][i] b[s][j] for i < 20, j < 3; tiles of 2 rows × 16 columns
  (func $outer_20x3 (export "outer_20x3") (param $a i32) (param $aStep i32) (param $b i32) (param $bStep i32) (param $out i32) (param $samples i32)
    (local $i i32)
    (local $j i32)
    (local $s i32)
    (local $ap i32)
    (local $bp i32)
    (local $a0 v128)
    (local $acc0_0 v128)
    (local $acc1_0 v128)
    (local $b0 v128)
    (local $op i32)
    local.get $aStep
    i32.const 4
    i32.mul
    local.set $aStep
    local.get $bStep
    i32.const 4
    i32.mul
    local.set $bStep
    i32.const 0
    local.set $i
    block $b0
      loop $l1
        local.get $i
        i32.const 20
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $j
        ;; 2 × 3 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_0
        local.get $a
        local.get $i
        i32.const 4
        i32.mul
        i32.add
        local.set $ap
        local.get $b
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $bp
        i32.const 0
        local.set $s
        block $b2
          loop $l3
            local.get $s
            local.get $samples
            i32.ge_s
            br_if $b2
            local.get $bp
            v128.load
            local.set $b0
            local.get $ap
            v128.load32_splat
            local.set $a0
            local.get $acc0_0
            local.get $a0
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $acc0_0
            local.get $ap
            v128.load32_splat offset=4
            local.set $a0
            local.get $acc1_0
            local.get $a0
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $acc1_0
            local.get $ap
            local.get $aStep
            i32.add
            local.set $ap
            local.get $bp
            local.get $bStep
            i32.add
            local.set $bp
            local.get $s
            i32.const 1
            i32.add
            local.set $s
            br $l3
          end
        end
        local.get $out
        local.get $i
        i32.const 12
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 0
        f32.store
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 1
        f32.store offset=4
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 2
        f32.store offset=8
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 0
        f32.store offset=12
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 1
        f32.store offset=16
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 2
        f32.store offset=20
        local.get $i
        i32.const 2
        i32.add
        local.set $i
        br $l1
      end
    end
  )
  ;; out[i][j] = Σ_s a[s][i] b[s][j] for i < 20, j < 5; tiles of 2 rows × 16 columns
  (func $outer_20x5 (export "outer_20x5") (param $a i32) (param $aStep i32) (param $b i32) (param $bStep i32) (param $out i32) (param $samples i32)
    (local $i i32)
    (local $j i32)
    (local $s i32)
    (local $ap i32)
    (local $bp i32)
    (local $a0 v128)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    (local $op i32)
    local.get $aStep
    i32.const 4
    i32.mul
    local.set $aStep
    local.get $bStep
    i32.const 4
    i32.mul
    local.set $bStep
    i32.const 0
    local.set $i
    block $b0
      loop $l1
        local.get $i
        i32.const 20
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $j
        ;; 2 × 5 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_1
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_1
        local.get $a
        local.get $i
        i32.const 4
        i32.mul
        i32.add
        local.set $ap
        local.get $b
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $bp
        i32.const 0
        local.set $s
        block $b2
          loop $l3
            local.get $s
            local.get $samples
            i32.ge_s
            br_if $b2
            local.get $bp
            v128.load
            local.set $b0
            local.get $bp
            v128.load offset=16
            local.set $b1
            local.get $ap
            v128.load32_splat
            local.set $a0
            local.get $acc0_0
            local.get $a0
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $acc0_0
            local.get $acc0_1
            local.get $a0
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $acc0_1
            local.get $ap
            v128.load32_splat offset=4
            local.set $a0
            local.get $acc1_0
            local.get $a0
            local.get $b0
            f32x4.mul
            f32x4.add
            local.set $acc1_0
            local.get $acc1_1
            local.get $a0
            local.get $b1
            f32x4.mul
            f32x4.add
            local.set $acc1_1
            local.get $ap
            local.get $aStep
            i32.add
            local.set $ap
            local.get $bp
            local.get $bStep
            i32.add
            local.set $bp
            local.get $s
            i32.const 1
            i32.add
            local.set $s
            br $l3
          end
        end
        local.get $out
        local.get $i
        i32.const 20
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        v128.store
        local.get $op
        local.get $acc0_1
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $op
        local.get $acc1_0
        v128.store offset=20
        local.get $op
        local.get $acc1_1
        f32x4.extract_lane 0
        f32.store offset=36
        local.get $i
        i32.const 2
        i32.add
        local.set $i
        br $l1
      end
    end
  )
  ;; out[s][j] = Σ_p v[s][p] w[p][j] for p < 20, j < 3; tiles of 2 samples × 16 columns
  (func $cols_20x3 (export "cols_20x3") (param $v i32) (param $w i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $j i32)
    (local $vp i32)
    (local $wp i32)
    (local $pe i32)
    (local $a0 v128)
    (local $acc0_0 v128)
    (local $acc1_0 v128)
    (local $b0 v128)
    (local $op i32)
    i32.const 0
    local.set $s
    block $b0
      loop $l1
        local.get $samples
        local.get $s
        i32.sub
        i32.const 2
        i32.lt_s
        br_if $b0
        i32.const 0
        local.set $j
        ;; 2 × 3 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc1_0
        local.get $v
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.set $vp
        local.get $w
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $wp
        local.get $vp
        i32.const 80
        i32.add
        local.set $pe
        loop $l2
          local.get $wp
          v128.load
          local.set $b0
          local.get $vp
          v128.load32_splat
          local.set $a0
          local.get $acc0_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc0_0
          local.get $vp
          v128.load32_splat offset=80
          local.set $a0
          local.get $acc1_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc1_0
          local.get $vp
          i32.const 4
          i32.add
          local.set $vp
          local.get $wp
          i32.const 12
          i32.add
          local.set $wp
          local.get $vp
          local.get $pe
          i32.lt_s
          br_if $l2
        end
        local.get $out
        local.get $s
        i32.const 12
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 0
        f32.store
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 1
        f32.store offset=4
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 2
        f32.store offset=8
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 0
        f32.store offset=12
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 1
        f32.store offset=16
        local.get $op
        local.get $acc1_0
        f32x4.extract_lane 2
        f32.store offset=20
        local.get $s
        i32.const 2
        i32.add
        local.set $s
        br $l1
      end
    end
    block $b3
      loop $l4
        local.get $s
        local.get $samples
        i32.ge_s
        br_if $b3
        i32.const 0
        local.set $j
        ;; 1 × 3 columns
        v128.const i32x4 0x0 0x0 0x0 0x0
        local.set $acc0_0
        local.get $v
        local.get $s
        i32.const 80
        i32.mul
        i32.add
        local.set $vp
        local.get $w
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $wp
        local.get $vp
        i32.const 80
        i32.add
        local.set $pe
        loop $l5
          local.get $wp
          v128.load
          local.set $b0
          local.get $vp
          v128.load32_splat
          local.set $a0
          local.get $acc0_0
          local.get $a0
          local.get $b0
          f32x4.mul
          f32x4.add
          local.set $acc0_0
          local.get $vp
          i32.const 4
          i32.add
          local.set $vp
          local.get $wp
          i32.const 12
          i32.add
          local.set $wp
          local.get $vp
          local.get $pe
          i32.lt_s
          br_if $l5
        end
        local.get $out
        local.get $s
        i32.const 12
        i32.mul
        i32.add
        local.get $j
        i32.const 4
        i32.mul
        i32.add
        local.set $op
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 0
        f32.store
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 1
        f32.store offset=4
        local.get $op
        local.get $acc0_0
        f32x4.extract_lane 2
        f32.store offset=8
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l4
      end
    end
  )
)
