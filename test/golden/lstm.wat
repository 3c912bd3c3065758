(module
  (import "env" "memory" (memory 1 65536))
  ;; out[s][i] = Σ_p w[i][p] x[s][p] for i < 20, p < 3; tiles of 2 samples × 4 rows
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
    (local $acc0_2 v128)
    (local $acc0_3 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $acc1_2 v128)
    (local $acc1_3 v128)
    (local $x0 v128)
    (local $x1 v128)
    (local $t0 v128)
    (local $t1 v128)
    (local $sum v128)
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
        i32.const 2
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
            ;; 2 samples × 4 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_3
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_3
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
            local.get $acc1_2
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc1_2
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
            local.get $acc1_3
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0xffffffff 0xffffffff 0x0
            v128.and
            f32x4.add
            local.set $acc1_3
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
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc1_2
            local.get $acc1_3
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_2
            local.get $acc1_3
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
            v128.store offset=80
            local.get $i
            i32.const 4
            i32.add
            local.set $i
            br $l3
          end
        end
        local.get $s
        i32.const 2
        i32.add
        local.set $s
        br $l1
      end
    end
    local.get $samples
    i32.const 2
    i32.div_u
    i32.const 2
    i32.mul
    local.set $s
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
  ;; out = ((a0 + a1) + a2), 5 per row; a1: the same row for all, a2: the same row for all
  (func $pointwise0 (export "pointwise0") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 80
        i32.add
        local.set $a0
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out[s][i] = Σ_p w[i][p] x[s][p] for i < 20, p < 5; tiles of 2 samples × 4 rows
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
    (local $acc0_2 v128)
    (local $acc0_3 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $acc1_2 v128)
    (local $acc1_3 v128)
    (local $x0 v128)
    (local $x1 v128)
    (local $t0 v128)
    (local $t1 v128)
    (local $sum v128)
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
        i32.const 2
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
            ;; 2 samples × 4 rows
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc0_3
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_0
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_1
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_2
            v128.const i32x4 0x0 0x0 0x0 0x0
            local.set $acc1_3
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
              local.get $wp
              v128.load offset=40
              local.set $w0
              local.get $acc0_2
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_2
              local.get $acc1_2
              local.get $w0
              local.get $x1
              f32x4.mul
              f32x4.add
              local.set $acc1_2
              local.get $wp
              v128.load offset=60
              local.set $w0
              local.get $acc0_3
              local.get $w0
              local.get $x0
              f32x4.mul
              f32x4.add
              local.set $acc0_3
              local.get $acc1_3
              local.get $w0
              local.get $x1
              f32x4.mul
              f32x4.add
              local.set $acc1_3
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
            local.get $acc1_2
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc1_2
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
            local.get $acc1_3
            local.get $w0
            local.get $x1
            f32x4.mul
            v128.const i32x4 0xffffffff 0x0 0x0 0x0
            v128.and
            f32x4.add
            local.set $acc1_3
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
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_0
            local.get $acc1_1
            i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
            f32x4.add
            local.set $t0
            local.get $acc1_2
            local.get $acc1_3
            i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            local.get $acc1_2
            local.get $acc1_3
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
            v128.store offset=80
            local.get $i
            i32.const 4
            i32.add
            local.set $i
            br $l3
          end
        end
        local.get $s
        i32.const 2
        i32.add
        local.set $s
        br $l1
      end
    end
    local.get $samples
    i32.const 2
    i32.div_u
    i32.const 2
    i32.mul
    local.set $s
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
  ;; out = ((sigmoid((a0 + a1)) * a2) + (sigmoid((a3 + a4)) * tanh((a5 + a6)))), 5 per row
  (func $pointwise1 (export "pointwise1") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $a3 i32) (param $a4 i32) (param $a5 i32) (param $a6 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $t0 v128)
    (local $t1 v128)
    (local $t2 v128)
    (local $t3 v128)
    (local $t4 v128)
    (local $t5 v128)
    (local $t6 v128)
    (local $t7 v128)
    (local $t8 v128)
    (local $t9 v128)
    (local $t10 v128)
    (local $t11 v128)
    (local $t12 v128)
    (local $t13 v128)
    (local $t14 v128)
    (local $t15 v128)
    (local $t16 v128)
    (local $t17 v128)
    (local $t18 v128)
    (local $last v128)
    (local $t19 v128)
    (local $t20 v128)
    (local $t21 v128)
    (local $t22 v128)
    (local $t23 v128)
    (local $t24 v128)
    (local $t25 v128)
    (local $t26 v128)
    (local $t27 v128)
    (local $t28 v128)
    (local $t29 v128)
    (local $t30 v128)
    (local $t31 v128)
    (local $t32 v128)
    (local $t33 v128)
    (local $t34 v128)
    (local $t35 v128)
    (local $t36 v128)
    (local $t37 v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          f32x4.neg
          local.set $t0
          v128.const f32x4 1 1 1 1
          v128.const f32x4 1 1 1 1
          local.get $t0
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t1
          local.get $t1
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t2
          local.get $t2
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t3
          local.get $t1
          local.get $t3
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t3
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t4
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t4
          local.get $t4
          f32x4.mul
          f32x4.mul
          local.get $t4
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t2
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          f32x4.add
          f32x4.div
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          local.get $a3
          local.get $jo
          i32.add
          v128.load
          local.get $a4
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          f32x4.neg
          local.set $t5
          v128.const f32x4 1 1 1 1
          v128.const f32x4 1 1 1 1
          local.get $t5
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t6
          local.get $t6
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t7
          local.get $t7
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t8
          local.get $t6
          local.get $t8
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t8
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t9
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t9
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t9
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t9
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t9
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t9
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t9
          local.get $t9
          f32x4.mul
          f32x4.mul
          local.get $t9
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t7
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          f32x4.add
          f32x4.div
          local.get $a5
          local.get $jo
          i32.add
          v128.load
          local.get $a6
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          local.set $t10
          local.get $t10
          local.get $t10
          f32x4.mul
          local.set $t11
          v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
          local.get $t11
          f32x4.mul
          v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
          f32x4.add
          local.get $t11
          f32x4.mul
          v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
          f32x4.add
          local.get $t11
          f32x4.mul
          v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
          f32x4.add
          local.get $t11
          f32x4.mul
          v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
          f32x4.add
          local.get $t11
          f32x4.mul
          local.get $t10
          f32x4.mul
          local.get $t10
          f32x4.add
          local.set $t12
          local.get $t10
          f32x4.abs
          v128.const f32x4 2 2 2 2
          f32x4.mul
          local.set $t13
          v128.const f32x4 1 1 1 1
          v128.const f32x4 2 2 2 2
          local.get $t13
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t14
          local.get $t14
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t15
          local.get $t15
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t16
          local.get $t14
          local.get $t16
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t16
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t17
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t17
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t17
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t17
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t17
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t17
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t17
          local.get $t17
          f32x4.mul
          f32x4.mul
          local.get $t17
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t15
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          v128.const f32x4 1 1 1 1
          f32x4.add
          f32x4.div
          f32x4.sub
          local.get $t10
          v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
          v128.and
          v128.or
          local.set $t18
          local.get $t12
          local.get $t18
          local.get $t10
          f32x4.abs
          v128.const f32x4 0.625 0.625 0.625 0.625
          f32x4.lt
          v128.bitselect
          f32x4.mul
          f32x4.add
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        f32x4.neg
        local.set $t19
        v128.const f32x4 1 1 1 1
        v128.const f32x4 1 1 1 1
        local.get $t19
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t20
        local.get $t20
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t21
        local.get $t21
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t22
        local.get $t20
        local.get $t22
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t22
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t23
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t23
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t23
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t23
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t23
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t23
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t23
        local.get $t23
        f32x4.mul
        f32x4.mul
        local.get $t23
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t21
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        f32x4.add
        f32x4.div
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.get $a3
        local.get $jo
        i32.add
        v128.load
        local.get $a4
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        f32x4.neg
        local.set $t24
        v128.const f32x4 1 1 1 1
        v128.const f32x4 1 1 1 1
        local.get $t24
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t25
        local.get $t25
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t26
        local.get $t26
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t27
        local.get $t25
        local.get $t27
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t27
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t28
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t28
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t28
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t28
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t28
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t28
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t28
        local.get $t28
        f32x4.mul
        f32x4.mul
        local.get $t28
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t26
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        f32x4.add
        f32x4.div
        local.get $a5
        local.get $jo
        i32.add
        v128.load
        local.get $a6
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        local.set $t29
        local.get $t29
        local.get $t29
        f32x4.mul
        local.set $t30
        v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
        local.get $t30
        f32x4.mul
        v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
        f32x4.add
        local.get $t30
        f32x4.mul
        v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
        f32x4.add
        local.get $t30
        f32x4.mul
        v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
        f32x4.add
        local.get $t30
        f32x4.mul
        v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
        f32x4.add
        local.get $t30
        f32x4.mul
        local.get $t29
        f32x4.mul
        local.get $t29
        f32x4.add
        local.set $t31
        local.get $t29
        f32x4.abs
        v128.const f32x4 2 2 2 2
        f32x4.mul
        local.set $t32
        v128.const f32x4 1 1 1 1
        v128.const f32x4 2 2 2 2
        local.get $t32
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t33
        local.get $t33
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t34
        local.get $t34
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t35
        local.get $t33
        local.get $t35
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t35
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t36
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t36
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t36
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t36
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t36
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t36
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t36
        local.get $t36
        f32x4.mul
        f32x4.mul
        local.get $t36
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t34
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        v128.const f32x4 1 1 1 1
        f32x4.add
        f32x4.div
        f32x4.sub
        local.get $t29
        v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
        v128.and
        v128.or
        local.set $t37
        local.get $t31
        local.get $t37
        local.get $t29
        f32x4.abs
        v128.const f32x4 0.625 0.625 0.625 0.625
        f32x4.lt
        v128.bitselect
        f32x4.mul
        f32x4.add
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 80
        i32.add
        local.set $a1
        local.get $a2
        i32.const 20
        i32.add
        local.set $a2
        local.get $a3
        i32.const 20
        i32.add
        local.set $a3
        local.get $a4
        i32.const 80
        i32.add
        local.set $a4
        local.get $a5
        i32.const 20
        i32.add
        local.set $a5
        local.get $a6
        i32.const 80
        i32.add
        local.set $a6
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = (sigmoid((a0 + a1)) * tanh(a2)), 5 per row
  (func $pointwise2 (export "pointwise2") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $t0 v128)
    (local $t1 v128)
    (local $t2 v128)
    (local $t3 v128)
    (local $t4 v128)
    (local $t5 v128)
    (local $t6 v128)
    (local $t7 v128)
    (local $t8 v128)
    (local $t9 v128)
    (local $t10 v128)
    (local $t11 v128)
    (local $t12 v128)
    (local $t13 v128)
    (local $last v128)
    (local $t14 v128)
    (local $t15 v128)
    (local $t16 v128)
    (local $t17 v128)
    (local $t18 v128)
    (local $t19 v128)
    (local $t20 v128)
    (local $t21 v128)
    (local $t22 v128)
    (local $t23 v128)
    (local $t24 v128)
    (local $t25 v128)
    (local $t26 v128)
    (local $t27 v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          f32x4.neg
          local.set $t0
          v128.const f32x4 1 1 1 1
          v128.const f32x4 1 1 1 1
          local.get $t0
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t1
          local.get $t1
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t2
          local.get $t2
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t3
          local.get $t1
          local.get $t3
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t3
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t4
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t4
          local.get $t4
          f32x4.mul
          f32x4.mul
          local.get $t4
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t2
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          f32x4.add
          f32x4.div
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          local.set $t5
          local.get $t5
          local.get $t5
          f32x4.mul
          local.set $t6
          v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
          local.get $t6
          f32x4.mul
          v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
          f32x4.add
          local.get $t6
          f32x4.mul
          v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
          f32x4.add
          local.get $t6
          f32x4.mul
          v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
          f32x4.add
          local.get $t6
          f32x4.mul
          v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
          f32x4.add
          local.get $t6
          f32x4.mul
          local.get $t5
          f32x4.mul
          local.get $t5
          f32x4.add
          local.set $t7
          local.get $t5
          f32x4.abs
          v128.const f32x4 2 2 2 2
          f32x4.mul
          local.set $t8
          v128.const f32x4 1 1 1 1
          v128.const f32x4 2 2 2 2
          local.get $t8
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t9
          local.get $t9
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t10
          local.get $t10
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t11
          local.get $t9
          local.get $t11
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t11
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t12
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t12
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t12
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t12
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t12
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t12
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t12
          local.get $t12
          f32x4.mul
          f32x4.mul
          local.get $t12
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t10
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          v128.const f32x4 1 1 1 1
          f32x4.add
          f32x4.div
          f32x4.sub
          local.get $t5
          v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
          v128.and
          v128.or
          local.set $t13
          local.get $t7
          local.get $t13
          local.get $t5
          f32x4.abs
          v128.const f32x4 0.625 0.625 0.625 0.625
          f32x4.lt
          v128.bitselect
          f32x4.mul
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        f32x4.neg
        local.set $t14
        v128.const f32x4 1 1 1 1
        v128.const f32x4 1 1 1 1
        local.get $t14
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t15
        local.get $t15
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t16
        local.get $t16
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t17
        local.get $t15
        local.get $t17
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t17
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t18
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t18
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t18
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t18
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t18
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t18
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t18
        local.get $t18
        f32x4.mul
        f32x4.mul
        local.get $t18
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t16
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        f32x4.add
        f32x4.div
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        local.set $t19
        local.get $t19
        local.get $t19
        f32x4.mul
        local.set $t20
        v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
        local.get $t20
        f32x4.mul
        v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
        f32x4.add
        local.get $t20
        f32x4.mul
        v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
        f32x4.add
        local.get $t20
        f32x4.mul
        v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
        f32x4.add
        local.get $t20
        f32x4.mul
        v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
        f32x4.add
        local.get $t20
        f32x4.mul
        local.get $t19
        f32x4.mul
        local.get $t19
        f32x4.add
        local.set $t21
        local.get $t19
        f32x4.abs
        v128.const f32x4 2 2 2 2
        f32x4.mul
        local.set $t22
        v128.const f32x4 1 1 1 1
        v128.const f32x4 2 2 2 2
        local.get $t22
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t23
        local.get $t23
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t24
        local.get $t24
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t25
        local.get $t23
        local.get $t25
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t25
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t26
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t26
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t26
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t26
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t26
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t26
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t26
        local.get $t26
        f32x4.mul
        f32x4.mul
        local.get $t26
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t24
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        v128.const f32x4 1 1 1 1
        f32x4.add
        f32x4.div
        f32x4.sub
        local.get $t19
        v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
        v128.and
        v128.or
        local.set $t27
        local.get $t21
        local.get $t27
        local.get $t19
        f32x4.abs
        v128.const f32x4 0.625 0.625 0.625 0.625
        f32x4.lt
        v128.bitselect
        f32x4.mul
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 80
        i32.add
        local.set $a1
        local.get $a2
        i32.const 20
        i32.add
        local.set $a2
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; a time loop of 6 ops a step, from the first step to the last
  (func $time_loop0 (export "time_loop0") (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $n0 i32) (param $n1 i32) (param $first i32) (param $steps i32) (param $T i32) (param $control i32) (param $workers i32)
    (local $s i32)
    (local $t i32)
    (local $arg0 i32)
    (local $arg1 i32)
    (local $arg2 i32)
    (local $arg3 i32)
    (local $posted i32)
    (local $block i32)
    (local $parts i32)
    (local $share i32)
    (local $from i32)
    (local $w i32)
    (local $job i32)
    (local $arg4 i32)
    (local $arg5 i32)
    (local $arg6 i32)
    (local $arg7 i32)
    (local $arg8 i32)
    local.get $first
    local.set $s
    block $b0
      loop $l1
        local.get $s
        local.get $steps
        i32.ge_s
        br_if $b0
        local.get $s
        local.set $t
        local.get $p0
        local.set $arg0
        local.get $p1
        local.set $arg1
        local.get $p2
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b2
          block $b3
            local.get $workers
            i32.eqz
            br_if $b3
            local.get $arg3
            i32.const 500
            i32.lt_s
            br_if $b3
            local.get $arg3
            i32.const 1
            i32.add
            i32.const 2
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 2
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 2
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b4
              loop $l5
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b4
                local.get $block
                local.get $arg0
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 2
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b6
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b6
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l5
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $rows_20x5
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b7
              loop $l8
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b7
                local.get $block
                i32.load
                local.set $job
                block $b9
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b9
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $rows_20x5
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l8
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b10
              loop $l11
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b10
                local.get $block
                i32.load
                local.set $job
                loop $l12
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l12
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l11
              end
            end
            br $b2
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $rows_20x5
        end
        local.get $p3
        local.set $arg0
        local.get $p4
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        i32.const 20
        i32.add
        local.set $arg2
        local.get $p5
        local.set $arg3
        local.get $p6
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg4
        local.get $p2
        local.set $arg5
        local.get $p7
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg6
        local.get $p2
        i32.const 40
        i32.add
        local.set $arg7
        local.get $n0
        local.set $arg8
        block $b13
          block $b14
            local.get $workers
            i32.eqz
            br_if $b14
            local.get $arg8
            i32.const 304
            i32.lt_s
            br_if $b14
            local.get $arg8
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg8
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b15
              loop $l16
                local.get $from
                local.get $arg8
                i32.ge_s
                br_if $b15
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=48
                local.get $block
                local.get $arg5
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=52
                local.get $block
                local.get $arg6
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=56
                local.get $block
                local.get $arg7
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=60
                local.get $block
                local.get $arg8
                drop
                local.get $share
                local.get $arg8
                local.get $from
                i32.sub
                local.get $share
                local.get $arg8
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=64
                local.get $block
                i32.const 3
                i32.store offset=12
                local.get $block
                i32.const 9
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b17
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b17
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l16
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $arg4
            local.get $arg5
            local.get $arg6
            local.get $arg7
            local.get $share
            local.get $arg8
            local.get $share
            local.get $arg8
            i32.lt_s
            select
            call $pointwise1
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b18
              loop $l19
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b18
                local.get $block
                i32.load
                local.set $job
                block $b20
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b20
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  local.get $block
                  i32.load offset=52
                  local.get $block
                  i32.load offset=56
                  local.get $block
                  i32.load offset=60
                  local.get $block
                  i32.load offset=64
                  call $pointwise1
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l19
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b21
              loop $l22
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b21
                local.get $block
                i32.load
                local.set $job
                loop $l23
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l23
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l22
              end
            end
            br $b13
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          local.get $arg5
          local.get $arg6
          local.get $arg7
          local.get $arg8
          call $pointwise1
        end
        local.get $p8
        local.set $arg0
        local.get $p9
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        i32.const 60
        i32.add
        local.set $arg2
        local.get $p3
        local.set $arg3
        local.get $n0
        local.set $arg4
        block $b24
          block $b25
            local.get $workers
            i32.eqz
            br_if $b25
            local.get $arg4
            i32.const 477
            i32.lt_s
            br_if $b25
            local.get $arg4
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg4
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b26
              loop $l27
                local.get $from
                local.get $arg4
                i32.ge_s
                br_if $b26
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                drop
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=48
                local.get $block
                i32.const 4
                i32.store offset=12
                local.get $block
                i32.const 5
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b28
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b28
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l27
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $share
            local.get $arg4
            local.get $share
            local.get $arg4
            i32.lt_s
            select
            call $pointwise2
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b29
              loop $l30
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b29
                local.get $block
                i32.load
                local.set $job
                block $b31
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b31
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  call $pointwise2
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l30
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b32
              loop $l33
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b32
                local.get $block
                i32.load
                local.set $job
                loop $l34
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l34
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l33
              end
            end
            br $b24
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          call $pointwise2
        end
        local.get $p10
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p8
        local.get $n1
        memory.copy
        local.get $p1
        local.get $p8
        local.get $n1
        memory.copy
        local.get $p5
        local.get $p3
        local.get $n1
        memory.copy
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l1
      end
    end
  )
  ;; out = sigmoid((a0 + a1)), 5 per row
  (func $pointwise3 (export "pointwise3") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $t0 v128)
    (local $t1 v128)
    (local $t2 v128)
    (local $t3 v128)
    (local $t4 v128)
    (local $last v128)
    (local $t5 v128)
    (local $t6 v128)
    (local $t7 v128)
    (local $t8 v128)
    (local $t9 v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          f32x4.neg
          local.set $t0
          v128.const f32x4 1 1 1 1
          v128.const f32x4 1 1 1 1
          local.get $t0
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t1
          local.get $t1
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t2
          local.get $t2
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t3
          local.get $t1
          local.get $t3
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t3
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t4
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t4
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t4
          local.get $t4
          f32x4.mul
          f32x4.mul
          local.get $t4
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t2
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          f32x4.add
          f32x4.div
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        f32x4.neg
        local.set $t5
        v128.const f32x4 1 1 1 1
        v128.const f32x4 1 1 1 1
        local.get $t5
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t6
        local.get $t6
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t7
        local.get $t7
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t8
        local.get $t6
        local.get $t8
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t8
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t9
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t9
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t9
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t9
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t9
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t9
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t9
        local.get $t9
        f32x4.mul
        f32x4.mul
        local.get $t9
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t7
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        f32x4.add
        f32x4.div
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 80
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = tanh((a0 + a1)), 5 per row
  (func $pointwise4 (export "pointwise4") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $t0 v128)
    (local $t1 v128)
    (local $t2 v128)
    (local $t3 v128)
    (local $t4 v128)
    (local $t5 v128)
    (local $t6 v128)
    (local $t7 v128)
    (local $t8 v128)
    (local $last v128)
    (local $t9 v128)
    (local $t10 v128)
    (local $t11 v128)
    (local $t12 v128)
    (local $t13 v128)
    (local $t14 v128)
    (local $t15 v128)
    (local $t16 v128)
    (local $t17 v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          local.set $t0
          local.get $t0
          local.get $t0
          f32x4.mul
          local.set $t1
          v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
          local.get $t1
          f32x4.mul
          v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
          f32x4.add
          local.get $t1
          f32x4.mul
          local.get $t0
          f32x4.mul
          local.get $t0
          f32x4.add
          local.set $t2
          local.get $t0
          f32x4.abs
          v128.const f32x4 2 2 2 2
          f32x4.mul
          local.set $t3
          v128.const f32x4 1 1 1 1
          v128.const f32x4 2 2 2 2
          local.get $t3
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t4
          local.get $t4
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t5
          local.get $t5
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t6
          local.get $t4
          local.get $t6
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t6
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t7
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t7
          local.get $t7
          f32x4.mul
          f32x4.mul
          local.get $t7
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t5
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          v128.const f32x4 1 1 1 1
          f32x4.add
          f32x4.div
          f32x4.sub
          local.get $t0
          v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
          v128.and
          v128.or
          local.set $t8
          local.get $t2
          local.get $t8
          local.get $t0
          f32x4.abs
          v128.const f32x4 0.625 0.625 0.625 0.625
          f32x4.lt
          v128.bitselect
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        local.set $t9
        local.get $t9
        local.get $t9
        f32x4.mul
        local.set $t10
        v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
        local.get $t10
        f32x4.mul
        v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
        f32x4.add
        local.get $t10
        f32x4.mul
        local.get $t9
        f32x4.mul
        local.get $t9
        f32x4.add
        local.set $t11
        local.get $t9
        f32x4.abs
        v128.const f32x4 2 2 2 2
        f32x4.mul
        local.set $t12
        v128.const f32x4 1 1 1 1
        v128.const f32x4 2 2 2 2
        local.get $t12
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t13
        local.get $t13
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t14
        local.get $t14
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t15
        local.get $t13
        local.get $t15
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t15
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t16
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t16
        local.get $t16
        f32x4.mul
        f32x4.mul
        local.get $t16
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t14
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        v128.const f32x4 1 1 1 1
        f32x4.add
        f32x4.div
        f32x4.sub
        local.get $t9
        v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
        v128.and
        v128.or
        local.set $t17
        local.get $t11
        local.get $t17
        local.get $t9
        f32x4.abs
        v128.const f32x4 0.625 0.625 0.625 0.625
        f32x4.lt
        v128.bitselect
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 80
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = ((a0 * a1) + (a2 * a3)), 5 per row
  (func $pointwise5 (export "pointwise5") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $a3 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          local.get $a3
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          f32x4.add
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        local.get $a3
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        f32x4.add
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $a2
        i32.const 20
        i32.add
        local.set $a2
        local.get $a3
        i32.const 20
        i32.add
        local.set $a3
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = tanh(a0), 5 per row
  (func $pointwise6 (export "pointwise6") (param $out i32) (param $a0 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $t0 v128)
    (local $t1 v128)
    (local $t2 v128)
    (local $t3 v128)
    (local $t4 v128)
    (local $t5 v128)
    (local $t6 v128)
    (local $t7 v128)
    (local $t8 v128)
    (local $last v128)
    (local $t9 v128)
    (local $t10 v128)
    (local $t11 v128)
    (local $t12 v128)
    (local $t13 v128)
    (local $t14 v128)
    (local $t15 v128)
    (local $t16 v128)
    (local $t17 v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.set $t0
          local.get $t0
          local.get $t0
          f32x4.mul
          local.set $t1
          v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
          local.get $t1
          f32x4.mul
          v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
          f32x4.add
          local.get $t1
          f32x4.mul
          v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
          f32x4.add
          local.get $t1
          f32x4.mul
          local.get $t0
          f32x4.mul
          local.get $t0
          f32x4.add
          local.set $t2
          local.get $t0
          f32x4.abs
          v128.const f32x4 2 2 2 2
          f32x4.mul
          local.set $t3
          v128.const f32x4 1 1 1 1
          v128.const f32x4 2 2 2 2
          local.get $t3
          v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
          f32x4.pmin
          v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
          f32x4.pmax
          local.set $t4
          local.get $t4
          v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
          f32x4.mul
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.add
          local.set $t5
          local.get $t5
          v128.const f32x4 12582912 12582912 12582912 12582912
          f32x4.sub
          local.set $t6
          local.get $t4
          local.get $t6
          v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
          f32x4.mul
          f32x4.sub
          local.get $t6
          v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
          f32x4.mul
          f32x4.sub
          local.set $t7
          v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
          f32x4.add
          local.get $t7
          f32x4.mul
          v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
          f32x4.add
          local.get $t7
          local.get $t7
          f32x4.mul
          f32x4.mul
          local.get $t7
          f32x4.add
          v128.const f32x4 1 1 1 1
          f32x4.add
          local.get $t5
          v128.const i32x4 0x7f 0x7f 0x7f 0x7f
          i32x4.add
          i32.const 23
          i32x4.shl
          f32x4.mul
          v128.const f32x4 1 1 1 1
          f32x4.add
          f32x4.div
          f32x4.sub
          local.get $t0
          v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
          v128.and
          v128.or
          local.set $t8
          local.get $t2
          local.get $t8
          local.get $t0
          f32x4.abs
          v128.const f32x4 0.625 0.625 0.625 0.625
          f32x4.lt
          v128.bitselect
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.set $t9
        local.get $t9
        local.get $t9
        f32x4.mul
        local.set $t10
        v128.const f32x4 -0.00570498872745 -0.00570498872745 -0.00570498872745 -0.00570498872745
        local.get $t10
        f32x4.mul
        v128.const f32x4 0.0206390887954 0.0206390887954 0.0206390887954 0.0206390887954
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 -0.0537397155531 -0.0537397155531 -0.0537397155531 -0.0537397155531
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 0.133314422036 0.133314422036 0.133314422036 0.133314422036
        f32x4.add
        local.get $t10
        f32x4.mul
        v128.const f32x4 -0.333332819422 -0.333332819422 -0.333332819422 -0.333332819422
        f32x4.add
        local.get $t10
        f32x4.mul
        local.get $t9
        f32x4.mul
        local.get $t9
        f32x4.add
        local.set $t11
        local.get $t9
        f32x4.abs
        v128.const f32x4 2 2 2 2
        f32x4.mul
        local.set $t12
        v128.const f32x4 1 1 1 1
        v128.const f32x4 2 2 2 2
        local.get $t12
        v128.const f32x4 88.3762626647949 88.3762626647949 88.3762626647949 88.3762626647949
        f32x4.pmin
        v128.const f32x4 -87.33654475 -87.33654475 -87.33654475 -87.33654475
        f32x4.pmax
        local.set $t13
        local.get $t13
        v128.const f32x4 1.4426950408889634 1.4426950408889634 1.4426950408889634 1.4426950408889634
        f32x4.mul
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.add
        local.set $t14
        local.get $t14
        v128.const f32x4 12582912 12582912 12582912 12582912
        f32x4.sub
        local.set $t15
        local.get $t13
        local.get $t15
        v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375
        f32x4.mul
        f32x4.sub
        local.get $t15
        v128.const f32x4 -0.00021219444 -0.00021219444 -0.00021219444 -0.00021219444
        f32x4.mul
        f32x4.sub
        local.set $t16
        v128.const f32x4 0.000198756915 0.000198756915 0.000198756915 0.000198756915
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.0013981999507 0.0013981999507 0.0013981999507 0.0013981999507
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.0083334519073 0.0083334519073 0.0083334519073 0.0083334519073
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.041665795894 0.041665795894 0.041665795894 0.041665795894
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.16666665459 0.16666665459 0.16666665459 0.16666665459
        f32x4.add
        local.get $t16
        f32x4.mul
        v128.const f32x4 0.50000001201 0.50000001201 0.50000001201 0.50000001201
        f32x4.add
        local.get $t16
        local.get $t16
        f32x4.mul
        f32x4.mul
        local.get $t16
        f32x4.add
        v128.const f32x4 1 1 1 1
        f32x4.add
        local.get $t14
        v128.const i32x4 0x7f 0x7f 0x7f 0x7f
        i32x4.add
        i32.const 23
        i32x4.shl
        f32x4.mul
        v128.const f32x4 1 1 1 1
        f32x4.add
        f32x4.div
        f32x4.sub
        local.get $t9
        v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000
        v128.and
        v128.or
        local.set $t17
        local.get $t11
        local.get $t17
        local.get $t9
        f32x4.abs
        v128.const f32x4 0.625 0.625 0.625 0.625
        f32x4.lt
        v128.bitselect
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = (a0 * a1), 5 per row
  (func $pointwise7 (export "pointwise7") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; a time loop of 17 ops a step, from the first step to the last
  (func $time_loop1 (export "time_loop1") (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $p11 i32) (param $p12 i32) (param $p13 i32) (param $p14 i32) (param $p15 i32) (param $p16 i32) (param $p17 i32) (param $p18 i32) (param $p19 i32) (param $p20 i32) (param $p21 i32) (param $n0 i32) (param $n1 i32) (param $first i32) (param $steps i32) (param $T i32) (param $control i32) (param $workers i32)
    (local $s i32)
    (local $t i32)
    (local $arg0 i32)
    (local $arg1 i32)
    (local $arg2 i32)
    (local $arg3 i32)
    (local $posted i32)
    (local $block i32)
    (local $parts i32)
    (local $share i32)
    (local $from i32)
    (local $w i32)
    (local $job i32)
    (local $arg4 i32)
    (local $arg5 i32)
    local.get $first
    local.set $s
    block $b0
      loop $l1
        local.get $s
        local.get $steps
        i32.ge_s
        br_if $b0
        local.get $s
        local.set $t
        local.get $p0
        local.set $arg0
        local.get $p1
        local.set $arg1
        local.get $p2
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b2
          block $b3
            local.get $workers
            i32.eqz
            br_if $b3
            local.get $arg3
            i32.const 500
            i32.lt_s
            br_if $b3
            local.get $arg3
            i32.const 1
            i32.add
            i32.const 2
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 2
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 2
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b4
              loop $l5
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b4
                local.get $block
                local.get $arg0
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 2
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b6
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b6
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l5
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $rows_20x5
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b7
              loop $l8
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b7
                local.get $block
                i32.load
                local.set $job
                block $b9
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b9
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $rows_20x5
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l8
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b10
              loop $l11
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b10
                local.get $block
                i32.load
                local.set $job
                loop $l12
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l12
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l11
              end
            end
            br $b2
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $rows_20x5
        end
        local.get $p3
        local.set $arg0
        local.get $p4
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b13
          block $b14
            local.get $workers
            i32.eqz
            br_if $b14
            local.get $arg3
            i32.const 953
            i32.lt_s
            br_if $b14
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b15
              loop $l16
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b15
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 6
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b17
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b17
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l16
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise3
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b18
              loop $l19
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b18
                local.get $block
                i32.load
                local.set $job
                block $b20
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b20
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise3
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l19
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b21
              loop $l22
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b21
                local.get $block
                i32.load
                local.set $job
                loop $l23
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l23
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l22
              end
            end
            br $b13
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise3
        end
        local.get $p5
        local.set $arg0
        local.get $p6
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        i32.const 20
        i32.add
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b24
          block $b25
            local.get $workers
            i32.eqz
            br_if $b25
            local.get $arg3
            i32.const 953
            i32.lt_s
            br_if $b25
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b26
              loop $l27
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b26
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 6
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b28
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b28
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l27
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise3
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b29
              loop $l30
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b29
                local.get $block
                i32.load
                local.set $job
                block $b31
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b31
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise3
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l30
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b32
              loop $l33
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b32
                local.get $block
                i32.load
                local.set $job
                loop $l34
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l34
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l33
              end
            end
            br $b24
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise3
        end
        local.get $p7
        local.set $arg0
        local.get $p8
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        i32.const 40
        i32.add
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b35
          block $b36
            local.get $workers
            i32.eqz
            br_if $b36
            local.get $arg3
            i32.const 953
            i32.lt_s
            br_if $b36
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b37
              loop $l38
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b37
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 7
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b39
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b39
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l38
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise4
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b40
              loop $l41
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b40
                local.get $block
                i32.load
                local.set $job
                block $b42
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b42
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise4
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l41
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b43
              loop $l44
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b43
                local.get $block
                i32.load
                local.set $job
                loop $l45
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l45
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l44
              end
            end
            br $b35
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise4
        end
        local.get $p9
        local.set $arg0
        local.get $p10
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.set $arg1
        local.get $p2
        i32.const 60
        i32.add
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b46
          block $b47
            local.get $workers
            i32.eqz
            br_if $b47
            local.get $arg3
            i32.const 953
            i32.lt_s
            br_if $b47
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b48
              loop $l49
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b48
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 6
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b50
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b50
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l49
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise3
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b51
              loop $l52
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b51
                local.get $block
                i32.load
                local.set $job
                block $b53
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b53
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise3
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l52
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b54
              loop $l55
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b54
                local.get $block
                i32.load
                local.set $job
                loop $l56
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l56
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l55
              end
            end
            br $b46
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise3
        end
        local.get $p11
        local.set $arg0
        local.get $p5
        local.set $arg1
        local.get $p12
        local.set $arg2
        local.get $p3
        local.set $arg3
        local.get $p7
        local.set $arg4
        local.get $n0
        local.set $arg5
        block $b57
          block $b58
            local.get $workers
            i32.eqz
            br_if $b58
            local.get $arg5
            i32.const 6667
            i32.lt_s
            br_if $b58
            local.get $arg5
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg5
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b59
              loop $l60
                local.get $from
                local.get $arg5
                i32.ge_s
                br_if $b59
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=48
                local.get $block
                local.get $arg5
                drop
                local.get $share
                local.get $arg5
                local.get $from
                i32.sub
                local.get $share
                local.get $arg5
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=52
                local.get $block
                i32.const 8
                i32.store offset=12
                local.get $block
                i32.const 6
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b61
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b61
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l60
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $arg4
            local.get $share
            local.get $arg5
            local.get $share
            local.get $arg5
            i32.lt_s
            select
            call $pointwise5
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b62
              loop $l63
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b62
                local.get $block
                i32.load
                local.set $job
                block $b64
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b64
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  local.get $block
                  i32.load offset=52
                  call $pointwise5
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l63
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b65
              loop $l66
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b65
                local.get $block
                i32.load
                local.set $job
                loop $l67
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l67
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l66
              end
            end
            br $b57
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          local.get $arg5
          call $pointwise5
        end
        local.get $p13
        local.set $arg0
        local.get $p11
        local.set $arg1
        local.get $n0
        local.set $arg2
        block $b68
          block $b69
            local.get $workers
            i32.eqz
            br_if $b69
            local.get $arg2
            i32.const 1000
            i32.lt_s
            br_if $b69
            local.get $arg2
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg2
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b70
              loop $l71
                local.get $from
                local.get $arg2
                i32.ge_s
                br_if $b70
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                drop
                local.get $share
                local.get $arg2
                local.get $from
                i32.sub
                local.get $share
                local.get $arg2
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=40
                local.get $block
                i32.const 9
                i32.store offset=12
                local.get $block
                i32.const 3
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b72
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b72
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l71
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $share
            local.get $arg2
            local.get $share
            local.get $arg2
            i32.lt_s
            select
            call $pointwise6
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b73
              loop $l74
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b73
                local.get $block
                i32.load
                local.set $job
                block $b75
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b75
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  call $pointwise6
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l74
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b76
              loop $l77
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b76
                local.get $block
                i32.load
                local.set $job
                loop $l78
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l78
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l77
              end
            end
            br $b68
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          call $pointwise6
        end
        local.get $p14
        local.set $arg0
        local.get $p9
        local.set $arg1
        local.get $p13
        local.set $arg2
        local.get $n0
        local.set $arg3
        block $b79
          block $b80
            local.get $workers
            i32.eqz
            br_if $b80
            local.get $arg3
            i32.const 20000
            i32.lt_s
            br_if $b80
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b81
              loop $l82
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b81
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 10
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b83
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b83
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l82
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise7
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b84
              loop $l85
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b84
                local.get $block
                i32.load
                local.set $job
                block $b86
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b86
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise7
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l85
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b87
              loop $l88
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b87
                local.get $block
                i32.load
                local.set $job
                loop $l89
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l89
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l88
              end
            end
            br $b79
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise7
        end
        local.get $p15
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p14
        local.get $n1
        memory.copy
        local.get $p16
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p13
        local.get $n1
        memory.copy
        local.get $p17
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p9
        local.get $n1
        memory.copy
        local.get $p18
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p7
        local.get $n1
        memory.copy
        local.get $p19
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p3
        local.get $n1
        memory.copy
        local.get $p20
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p5
        local.get $n1
        memory.copy
        local.get $p21
        local.get $t
        local.get $n1
        i32.mul
        i32.add
        local.get $p12
        local.get $n1
        memory.copy
        local.get $p1
        local.get $p14
        local.get $n1
        memory.copy
        local.get $p12
        local.get $p11
        local.get $n1
        memory.copy
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l1
      end
    end
  )
  ;; out = (1 - (a0 * a1)), 5 per row
  (func $pointwise8 (export "pointwise8") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          v128.const f32x4 1 1 1 1
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          f32x4.sub
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        v128.const f32x4 1 1 1 1
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        f32x4.sub
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = (a0 * (1 - a1)), 5 per row
  (func $pointwise9 (export "pointwise9") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          v128.const f32x4 1 1 1 1
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.sub
          f32x4.mul
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        v128.const f32x4 1 1 1 1
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.sub
        f32x4.mul
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = (a0 + a1), 5 per row
  (func $pointwise10 (export "pointwise10") (param $out i32) (param $a0 i32) (param $a1 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.add
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.add
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = (a0 + ((a1 * a2) * a3)), 5 per row
  (func $pointwise11 (export "pointwise11") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $a3 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          local.get $a3
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          f32x4.add
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.get $a3
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        f32x4.add
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $a2
        i32.const 20
        i32.add
        local.set $a2
        local.get $a3
        i32.const 20
        i32.add
        local.set $a3
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out = ((a0 * a1) * a2), 5 per row
  (func $pointwise12 (export "pointwise12") (param $out i32) (param $a0 i32) (param $a1 i32) (param $a2 i32) (param $rows i32)
    (local $l i32)
    (local $jo i32)
    (local $last v128)
    i32.const 0
    local.set $l
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        i32.const 0
        local.set $jo
        loop $l2
          local.get $out
          local.get $jo
          i32.add
          local.get $a0
          local.get $jo
          i32.add
          v128.load
          local.get $a1
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          local.get $a2
          local.get $jo
          i32.add
          v128.load
          f32x4.mul
          v128.store
          local.get $jo
          i32.const 16
          i32.add
          local.set $jo
          local.get $jo
          i32.const 16
          i32.lt_s
          br_if $l2
        end
        ;; the last 1 of the row, lane by lane
        local.get $a0
        local.get $jo
        i32.add
        v128.load
        local.get $a1
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.get $a2
        local.get $jo
        i32.add
        v128.load
        f32x4.mul
        local.set $last
        local.get $out
        local.get $last
        f32x4.extract_lane 0
        f32.store offset=16
        local.get $out
        i32.const 20
        i32.add
        local.set $out
        local.get $a0
        i32.const 20
        i32.add
        local.set $a0
        local.get $a1
        i32.const 20
        i32.add
        local.set $a1
        local.get $a2
        i32.const 20
        i32.add
        local.set $a2
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
  )
  ;; out[s][j] = Σ_p v[s][p] w[p][j] for p < 20, j < 5; tiles of 2 samples × 16 columns, blocks of 20 rows of W × 32 samples
  (func $cols_20x5 (export "cols_20x5") (param $v i32) (param $w i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $j i32)
    (local $vp i32)
    (local $wp i32)
    (local $pe i32)
    (local $p0 i32)
    (local $pEnd i32)
    (local $sb i32)
    (local $sEnd i32)
    (local $bytes i32)
    (local $at i32)
    (local $a0 v128)
    (local $op i32)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    local.get $samples
    i32.const 20
    i32.mul
    local.set $bytes
    i32.const 0
    local.set $at
    block $b0
      loop $l1
        local.get $at
        i32.const 16
        i32.add
        local.get $bytes
        i32.gt_s
        br_if $b0
        local.get $out
        local.get $at
        i32.add
        v128.const i32x4 0x0 0x0 0x0 0x0
        v128.store
        local.get $at
        i32.const 16
        i32.add
        local.set $at
        br $l1
      end
    end
    block $b2
      loop $l3
        local.get $at
        local.get $bytes
        i32.ge_s
        br_if $b2
        local.get $out
        local.get $at
        i32.add
        v128.const f32x4 0 0 0 0
        f32x4.extract_lane 0
        f32.store
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $l3
      end
    end
    i32.const 0
    local.set $sb
    block $b4
      loop $l5
        local.get $sb
        local.get $samples
        i32.ge_s
        br_if $b4
        local.get $sb
        i32.const 32
        i32.add
        local.set $sEnd
        block $b6
          local.get $sEnd
          local.get $samples
          i32.le_s
          br_if $b6
          local.get $samples
          local.set $sEnd
        end
        i32.const 0
        local.set $p0
        block $b7
          loop $l8
            local.get $p0
            i32.const 20
            i32.ge_s
            br_if $b7
            local.get $p0
            i32.const 20
            i32.add
            local.set $pEnd
            block $b9
              local.get $pEnd
              i32.const 20
              i32.le_s
              br_if $b9
              i32.const 20
              local.set $pEnd
            end
            i32.const 0
            local.set $j
            local.get $sb
            local.set $s
            block $b10
              loop $l11
                local.get $sEnd
                local.get $s
                i32.sub
                i32.const 2
                i32.lt_s
                br_if $b10
                ;; 2 × 5 columns
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
                v128.load
                local.set $acc0_0
                local.get $op
                v128.load offset=16
                local.set $acc0_1
                local.get $op
                v128.load offset=20
                local.set $acc1_0
                local.get $op
                v128.load offset=36
                local.set $acc1_1
                local.get $v
                local.get $s
                i32.const 80
                i32.mul
                i32.add
                local.set $vp
                local.get $vp
                local.get $pEnd
                i32.const 4
                i32.mul
                i32.add
                local.set $pe
                local.get $vp
                local.get $p0
                i32.const 4
                i32.mul
                i32.add
                local.set $vp
                local.get $w
                local.get $p0
                i32.const 20
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $wp
                loop $l12
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
                  br_if $l12
                end
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
                br $l11
              end
            end
            block $b13
              loop $l14
                local.get $s
                local.get $sEnd
                i32.ge_s
                br_if $b13
                ;; 1 × 5 columns
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
                v128.load
                local.set $acc0_0
                local.get $op
                v128.load offset=16
                local.set $acc0_1
                local.get $v
                local.get $s
                i32.const 80
                i32.mul
                i32.add
                local.set $vp
                local.get $vp
                local.get $pEnd
                i32.const 4
                i32.mul
                i32.add
                local.set $pe
                local.get $vp
                local.get $p0
                i32.const 4
                i32.mul
                i32.add
                local.set $vp
                local.get $w
                local.get $p0
                i32.const 20
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $wp
                loop $l15
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
                  br_if $l15
                end
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
                br $l14
              end
            end
            local.get $p0
            i32.const 20
            i32.add
            local.set $p0
            br $l8
          end
        end
        local.get $sb
        i32.const 32
        i32.add
        local.set $sb
        br $l5
      end
    end
  )
  ;; a time loop of 18 ops a step, from the last step to the first
  (func $time_loop2 (export "time_loop2") (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $p11 i32) (param $p12 i32) (param $p13 i32) (param $p14 i32) (param $p15 i32) (param $p16 i32) (param $p17 i32) (param $p18 i32) (param $p19 i32) (param $p20 i32) (param $p21 i32) (param $p22 i32) (param $p23 i32) (param $p24 i32) (param $p25 i32) (param $p26 i32) (param $p27 i32) (param $n0 i32) (param $n1 i32) (param $first i32) (param $steps i32) (param $T i32) (param $control i32) (param $workers i32)
    (local $s i32)
    (local $t i32)
    (local $arg0 i32)
    (local $arg1 i32)
    (local $arg2 i32)
    (local $arg3 i32)
    (local $posted i32)
    (local $block i32)
    (local $parts i32)
    (local $share i32)
    (local $from i32)
    (local $w i32)
    (local $job i32)
    (local $arg4 i32)
    (local $arg5 i32)
    (local $row i32)
    (local $to i32)
    (local $from i32)
    local.get $first
    local.set $s
    block $b0
      loop $l1
        local.get $s
        local.get $steps
        i32.ge_s
        br_if $b0
        local.get $T
        i32.const 1
        i32.sub
        local.get $s
        i32.sub
        local.set $t
        local.get $p0
        local.set $arg0
        local.get $p1
        local.set $arg1
        local.get $p2
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $n1
        local.set $arg3
        block $b2
          block $b3
            local.get $workers
            i32.eqz
            br_if $b3
            local.get $arg3
            i32.const 20000
            i32.lt_s
            br_if $b3
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b4
              loop $l5
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b4
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 14
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b6
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b6
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l5
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise10
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b7
              loop $l8
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b7
                local.get $block
                i32.load
                local.set $job
                block $b9
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b9
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise10
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l8
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b10
              loop $l11
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b10
                local.get $block
                i32.load
                local.set $job
                loop $l12
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l12
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l11
              end
            end
            br $b2
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise10
        end
        local.get $p3
        local.set $arg0
        local.get $p4
        local.set $arg1
        local.get $p0
        local.set $arg2
        local.get $p5
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg3
        local.get $p6
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg4
        local.get $n1
        local.set $arg5
        block $b13
          block $b14
            local.get $workers
            i32.eqz
            br_if $b14
            local.get $arg5
            i32.const 6667
            i32.lt_s
            br_if $b14
            local.get $arg5
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg5
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b15
              loop $l16
                local.get $from
                local.get $arg5
                i32.ge_s
                br_if $b15
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=48
                local.get $block
                local.get $arg5
                drop
                local.get $share
                local.get $arg5
                local.get $from
                i32.sub
                local.get $share
                local.get $arg5
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=52
                local.get $block
                i32.const 15
                i32.store offset=12
                local.get $block
                i32.const 6
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b17
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b17
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l16
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $arg4
            local.get $share
            local.get $arg5
            local.get $share
            local.get $arg5
            i32.lt_s
            select
            call $pointwise11
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b18
              loop $l19
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b18
                local.get $block
                i32.load
                local.set $job
                block $b20
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b20
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  local.get $block
                  i32.load offset=52
                  call $pointwise11
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l19
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b21
              loop $l22
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b21
                local.get $block
                i32.load
                local.set $job
                loop $l23
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l23
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l22
              end
            end
            br $b13
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          local.get $arg5
          call $pointwise11
        end
        local.get $p7
        local.set $arg0
        local.get $p3
        local.set $arg1
        local.get $p8
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $n1
        local.set $arg3
        block $b24
          block $b25
            local.get $workers
            i32.eqz
            br_if $b25
            local.get $arg3
            i32.const 20000
            i32.lt_s
            br_if $b25
            local.get $arg3
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b26
              loop $l27
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b26
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 10
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b28
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b28
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l27
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $pointwise7
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b29
              loop $l30
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b29
                local.get $block
                i32.load
                local.set $job
                block $b31
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b31
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $pointwise7
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l30
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b32
              loop $l33
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b32
                local.get $block
                i32.load
                local.set $job
                loop $l34
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l34
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l33
              end
            end
            br $b24
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $pointwise7
        end
        local.get $p9
        local.set $arg0
        local.get $p0
        local.set $arg1
        local.get $p10
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $p11
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg3
        local.get $n1
        local.set $arg4
        block $b35
          block $b36
            local.get $workers
            i32.eqz
            br_if $b36
            local.get $arg4
            i32.const 10000
            i32.lt_s
            br_if $b36
            local.get $arg4
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg4
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b37
              loop $l38
                local.get $from
                local.get $arg4
                i32.ge_s
                br_if $b37
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                drop
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=48
                local.get $block
                i32.const 16
                i32.store offset=12
                local.get $block
                i32.const 5
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b39
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b39
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l38
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $share
            local.get $arg4
            local.get $share
            local.get $arg4
            i32.lt_s
            select
            call $pointwise12
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b40
              loop $l41
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b40
                local.get $block
                i32.load
                local.set $job
                block $b42
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b42
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  call $pointwise12
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l41
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b43
              loop $l44
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b43
                local.get $block
                i32.load
                local.set $job
                loop $l45
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l45
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l44
              end
            end
            br $b35
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          call $pointwise12
        end
        local.get $p12
        local.set $arg0
        local.get $p3
        local.set $arg1
        local.get $p13
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $p14
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg3
        local.get $n1
        local.set $arg4
        block $b46
          block $b47
            local.get $workers
            i32.eqz
            br_if $b47
            local.get $arg4
            i32.const 10000
            i32.lt_s
            br_if $b47
            local.get $arg4
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg4
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b48
              loop $l49
                local.get $from
                local.get $arg4
                i32.ge_s
                br_if $b48
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                drop
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=48
                local.get $block
                i32.const 16
                i32.store offset=12
                local.get $block
                i32.const 5
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b50
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b50
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l49
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $share
            local.get $arg4
            local.get $share
            local.get $arg4
            i32.lt_s
            select
            call $pointwise12
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b51
              loop $l52
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b51
                local.get $block
                i32.load
                local.set $job
                block $b53
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b53
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  call $pointwise12
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l52
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b54
              loop $l55
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b54
                local.get $block
                i32.load
                local.set $job
                loop $l56
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l56
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l55
              end
            end
            br $b46
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          call $pointwise12
        end
        local.get $p15
        local.set $arg0
        local.get $p3
        local.set $arg1
        local.get $p16
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $p17
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg3
        local.get $n1
        local.set $arg4
        block $b57
          block $b58
            local.get $workers
            i32.eqz
            br_if $b58
            local.get $arg4
            i32.const 10000
            i32.lt_s
            br_if $b58
            local.get $arg4
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg4
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b59
              loop $l60
                local.get $from
                local.get $arg4
                i32.ge_s
                br_if $b59
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                drop
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=48
                local.get $block
                i32.const 16
                i32.store offset=12
                local.get $block
                i32.const 5
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b61
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b61
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l60
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $share
            local.get $arg4
            local.get $share
            local.get $arg4
            i32.lt_s
            select
            call $pointwise12
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b62
              loop $l63
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b62
                local.get $block
                i32.load
                local.set $job
                block $b64
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b64
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  call $pointwise12
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l63
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b65
              loop $l66
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b65
                local.get $block
                i32.load
                local.set $job
                loop $l67
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l67
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l66
              end
            end
            br $b57
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          call $pointwise12
        end
        local.get $p18
        local.set $arg0
        local.get $p3
        local.set $arg1
        local.get $p19
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg2
        local.get $p20
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.set $arg3
        local.get $n1
        local.set $arg4
        block $b68
          block $b69
            local.get $workers
            i32.eqz
            br_if $b69
            local.get $arg4
            i32.const 10000
            i32.lt_s
            br_if $b69
            local.get $arg4
            i32.const 0
            i32.add
            i32.const 1
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg4
            local.get $parts
            i32.const 1
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 1
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b70
              loop $l71
                local.get $from
                local.get $arg4
                i32.ge_s
                br_if $b70
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=44
                local.get $block
                local.get $arg4
                drop
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                local.get $share
                local.get $arg4
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=48
                local.get $block
                i32.const 16
                i32.store offset=12
                local.get $block
                i32.const 5
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b72
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b72
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l71
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $arg3
            local.get $share
            local.get $arg4
            local.get $share
            local.get $arg4
            i32.lt_s
            select
            call $pointwise12
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b73
              loop $l74
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b73
                local.get $block
                i32.load
                local.set $job
                block $b75
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b75
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  local.get $block
                  i32.load offset=48
                  call $pointwise12
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l74
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b76
              loop $l77
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b76
                local.get $block
                i32.load
                local.set $job
                loop $l78
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l78
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l77
              end
            end
            br $b68
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          local.get $arg4
          call $pointwise12
        end
        local.get $p21
        local.set $to
        local.get $p9
        local.set $from
        local.get $n1
        local.set $row
        block $b79
          loop $l80
            i32.const 0
            local.get $row
            i32.ge_s
            br_if $b79
            local.get $to
            local.get $from
            i32.const 20
            memory.copy
            local.get $to
            i32.const 80
            i32.add
            local.set $to
            local.get $from
            i32.const 20
            i32.add
            local.set $from
            local.get $row
            i32.const -1
            i32.add
            local.set $row
            br $l80
          end
        end
        local.get $p21
        i32.const 20
        i32.add
        local.set $to
        local.get $p12
        local.set $from
        local.get $n1
        local.set $row
        block $b81
          loop $l82
            i32.const 0
            local.get $row
            i32.ge_s
            br_if $b81
            local.get $to
            local.get $from
            i32.const 20
            memory.copy
            local.get $to
            i32.const 80
            i32.add
            local.set $to
            local.get $from
            i32.const 20
            i32.add
            local.set $from
            local.get $row
            i32.const -1
            i32.add
            local.set $row
            br $l82
          end
        end
        local.get $p21
        i32.const 40
        i32.add
        local.set $to
        local.get $p15
        local.set $from
        local.get $n1
        local.set $row
        block $b83
          loop $l84
            i32.const 0
            local.get $row
            i32.ge_s
            br_if $b83
            local.get $to
            local.get $from
            i32.const 20
            memory.copy
            local.get $to
            i32.const 80
            i32.add
            local.set $to
            local.get $from
            i32.const 20
            i32.add
            local.set $from
            local.get $row
            i32.const -1
            i32.add
            local.set $row
            br $l84
          end
        end
        local.get $p21
        i32.const 60
        i32.add
        local.set $to
        local.get $p18
        local.set $from
        local.get $n1
        local.set $row
        block $b85
          loop $l86
            i32.const 0
            local.get $row
            i32.ge_s
            br_if $b85
            local.get $to
            local.get $from
            i32.const 20
            memory.copy
            local.get $to
            i32.const 80
            i32.add
            local.set $to
            local.get $from
            i32.const 20
            i32.add
            local.set $from
            local.get $row
            i32.const -1
            i32.add
            local.set $row
            br $l86
          end
        end
        local.get $p21
        local.set $arg0
        local.get $p22
        local.set $arg1
        local.get $p23
        local.set $arg2
        local.get $n1
        local.set $arg3
        block $b87
          block $b88
            local.get $workers
            i32.eqz
            br_if $b88
            local.get $arg3
            i32.const 500
            i32.lt_s
            br_if $b88
            local.get $arg3
            i32.const 1
            i32.add
            i32.const 2
            i32.div_u
            local.set $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            local.get $workers
            i32.const 1
            i32.add
            local.get $parts
            i32.lt_s
            select
            local.set $parts
            local.get $arg3
            local.get $parts
            i32.const 2
            i32.mul
            local.tee $share
            i32.add
            i32.const 1
            i32.sub
            local.get $share
            i32.div_u
            i32.const 2
            i32.mul
            local.set $share
            i32.const 0
            local.set $posted
            local.get $control
            local.set $block
            local.get $share
            local.set $from
            block $b89
              loop $l90
                local.get $from
                local.get $arg3
                i32.ge_s
                br_if $b89
                local.get $block
                local.get $arg0
                local.get $from
                i32.const 80
                i32.mul
                i32.add
                i32.store offset=32
                local.get $block
                local.get $arg1
                i32.store offset=36
                local.get $block
                local.get $arg2
                local.get $from
                i32.const 20
                i32.mul
                i32.add
                i32.store offset=40
                local.get $block
                local.get $arg3
                drop
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                local.get $share
                local.get $arg3
                local.get $from
                i32.sub
                i32.lt_s
                select
                i32.store offset=44
                local.get $block
                i32.const 17
                i32.store offset=12
                local.get $block
                i32.const 4
                i32.store offset=16
                local.get $block
                local.get $block
                i32.load
                i32.const 1
                i32.add
                i32.atomic.store
                block $b91
                  local.get $block
                  i32.atomic.load offset=8
                  i32.const 1
                  i32.ne
                  br_if $b91
                  local.get $block
                  i32.const 1
                  memory.atomic.notify
                  drop
                end
                local.get $posted
                i32.const 1
                i32.add
                local.set $posted
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                local.get $from
                local.get $share
                i32.add
                local.set $from
                br $l90
              end
            end
            local.get $arg0
            local.get $arg1
            local.get $arg2
            local.get $share
            local.get $arg3
            local.get $share
            local.get $arg3
            i32.lt_s
            select
            call $cols_20x5
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b92
              loop $l93
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b92
                local.get $block
                i32.load
                local.set $job
                block $b94
                  local.get $block
                  local.get $job
                  i32.const 1
                  i32.sub
                  local.get $job
                  i32.atomic.rmw.cmpxchg offset=20
                  local.get $job
                  i32.const 1
                  i32.sub
                  i32.ne
                  br_if $b94
                  local.get $block
                  i32.load offset=32
                  local.get $block
                  i32.load offset=36
                  local.get $block
                  i32.load offset=40
                  local.get $block
                  i32.load offset=44
                  call $cols_20x5
                  local.get $block
                  local.get $block
                  i32.load offset=28
                  i32.const 1
                  i32.add
                  i32.store offset=28
                  local.get $block
                  local.get $job
                  i32.atomic.store offset=4
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l93
              end
            end
            i32.const 0
            local.set $w
            local.get $control
            local.set $block
            block $b95
              loop $l96
                local.get $w
                local.get $posted
                i32.ge_s
                br_if $b95
                local.get $block
                i32.load
                local.set $job
                loop $l97
                  local.get $block
                  i32.atomic.load offset=4
                  local.get $job
                  i32.ne
                  br_if $l97
                end
                local.get $w
                i32.const 1
                i32.add
                local.set $w
                local.get $block
                i32.const 128
                i32.add
                local.set $block
                br $l96
              end
            end
            br $b87
          end
          local.get $arg0
          local.get $arg1
          local.get $arg2
          local.get $arg3
          call $cols_20x5
        end
        local.get $p24
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.get $p18
        local.get $n0
        memory.copy
        local.get $p25
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.get $p15
        local.get $n0
        memory.copy
        local.get $p26
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.get $p12
        local.get $n0
        memory.copy
        local.get $p27
        local.get $t
        local.get $n0
        i32.mul
        i32.add
        local.get $p9
        local.get $n0
        memory.copy
        local.get $p1
        local.get $p23
        local.get $n0
        memory.copy
        local.get $p4
        local.get $p7
        local.get $n0
        memory.copy
        local.get $s
        i32.const 1
        i32.add
        local.set $s
        br $l1
      end
    end
  )
  ;; out[i][j] = Σ_s a[s][i] b[s][j] for i < rows (at most 20), j < 3; tiles of 2 rows × 16 columns, blocks of up to 64 rows, 16 samples at a time
  (func $outer_20x3 (export "outer_20x3") (param $a i32) (param $aStep i32) (param $b i32) (param $bStep i32) (param $out i32) (param $samples i32) (param $rows i32)
    (local $i i32)
    (local $j i32)
    (local $s i32)
    (local $ap i32)
    (local $bp i32)
    (local $chunk i32)
    (local $chunkEnd i32)
    (local $i0 i32)
    (local $iEnd i32)
    (local $full i32)
    (local $bytes i32)
    (local $at i32)
    (local $a0 v128)
    (local $op i32)
    (local $acc0_0 v128)
    (local $acc1_0 v128)
    (local $b0 v128)
    local.get $aStep
    i32.const 4
    i32.mul
    local.set $aStep
    local.get $bStep
    i32.const 4
    i32.mul
    local.set $bStep
    local.get $rows
    i32.const 12
    i32.mul
    local.set $bytes
    i32.const 0
    local.set $at
    block $b0
      loop $l1
        local.get $at
        i32.const 16
        i32.add
        local.get $bytes
        i32.gt_s
        br_if $b0
        local.get $out
        local.get $at
        i32.add
        v128.const i32x4 0x0 0x0 0x0 0x0
        v128.store
        local.get $at
        i32.const 16
        i32.add
        local.set $at
        br $l1
      end
    end
    block $b2
      loop $l3
        local.get $at
        local.get $bytes
        i32.ge_s
        br_if $b2
        local.get $out
        local.get $at
        i32.add
        v128.const f32x4 0 0 0 0
        f32x4.extract_lane 0
        f32.store
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $l3
      end
    end
    local.get $rows
    i32.const 2
    i32.div_u
    i32.const 2
    i32.mul
    local.set $full
    i32.const 0
    local.set $i0
    block $b4
      loop $l5
        local.get $i0
        local.get $full
        i32.ge_s
        br_if $b4
        local.get $i0
        i32.const 64
        i32.add
        local.set $iEnd
        block $b6
          local.get $iEnd
          local.get $full
          i32.le_s
          br_if $b6
          local.get $full
          local.set $iEnd
        end
        i32.const 0
        local.set $chunk
        block $b7
          loop $l8
            local.get $chunk
            local.get $samples
            i32.ge_s
            br_if $b7
            local.get $chunk
            i32.const 16
            i32.add
            local.set $chunkEnd
            block $b9
              local.get $chunkEnd
              local.get $samples
              i32.le_s
              br_if $b9
              local.get $samples
              local.set $chunkEnd
            end
            local.get $i0
            local.set $i
            block $b10
              loop $l11
                local.get $i
                local.get $iEnd
                i32.ge_s
                br_if $b10
                i32.const 0
                local.set $j
                ;; 2 × 3 columns
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
                v128.load
                local.set $acc0_0
                local.get $op
                v128.load offset=12
                local.set $acc1_0
                local.get $a
                local.get $chunk
                local.get $aStep
                i32.mul
                i32.add
                local.get $i
                i32.const 4
                i32.mul
                i32.add
                local.set $ap
                local.get $b
                local.get $chunk
                local.get $bStep
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $bp
                local.get $chunk
                local.set $s
                block $b12
                  loop $l13
                    local.get $s
                    local.get $chunkEnd
                    i32.ge_s
                    br_if $b12
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
                    br $l13
                  end
                end
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
                br $l11
              end
            end
            local.get $chunk
            i32.const 16
            i32.add
            local.set $chunk
            br $l8
          end
        end
        local.get $i0
        i32.const 64
        i32.add
        local.set $i0
        br $l5
      end
    end
    block $b14
      local.get $rows
      local.get $full
      i32.sub
      i32.const 1
      i32.ne
      br_if $b14
      local.get $full
      local.set $i
      i32.const 0
      local.set $chunk
      block $b15
        loop $l16
          local.get $chunk
          local.get $samples
          i32.ge_s
          br_if $b15
          local.get $chunk
          i32.const 16
          i32.add
          local.set $chunkEnd
          block $b17
            local.get $chunkEnd
            local.get $samples
            i32.le_s
            br_if $b17
            local.get $samples
            local.set $chunkEnd
          end
          i32.const 0
          local.set $j
          ;; 1 × 3 columns
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
          v128.load
          local.set $acc0_0
          local.get $a
          local.get $chunk
          local.get $aStep
          i32.mul
          i32.add
          local.get $i
          i32.const 4
          i32.mul
          i32.add
          local.set $ap
          local.get $b
          local.get $chunk
          local.get $bStep
          i32.mul
          i32.add
          local.get $j
          i32.const 4
          i32.mul
          i32.add
          local.set $bp
          local.get $chunk
          local.set $s
          block $b18
            loop $l19
              local.get $s
              local.get $chunkEnd
              i32.ge_s
              br_if $b18
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
              br $l19
            end
          end
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
          local.get $chunk
          i32.const 16
          i32.add
          local.set $chunk
          br $l16
        end
      end
    end
  )
  ;; out[i][j] = Σ_s a[s][i] b[s][j] for i < rows (at most 20), j < 5; tiles of 2 rows × 16 columns, blocks of up to 64 rows, 16 samples at a time
  (func $outer_20x5 (export "outer_20x5") (param $a i32) (param $aStep i32) (param $b i32) (param $bStep i32) (param $out i32) (param $samples i32) (param $rows i32)
    (local $i i32)
    (local $j i32)
    (local $s i32)
    (local $ap i32)
    (local $bp i32)
    (local $chunk i32)
    (local $chunkEnd i32)
    (local $i0 i32)
    (local $iEnd i32)
    (local $full i32)
    (local $bytes i32)
    (local $at i32)
    (local $a0 v128)
    (local $op i32)
    (local $acc0_0 v128)
    (local $acc0_1 v128)
    (local $acc1_0 v128)
    (local $acc1_1 v128)
    (local $b0 v128)
    (local $b1 v128)
    local.get $aStep
    i32.const 4
    i32.mul
    local.set $aStep
    local.get $bStep
    i32.const 4
    i32.mul
    local.set $bStep
    local.get $rows
    i32.const 20
    i32.mul
    local.set $bytes
    i32.const 0
    local.set $at
    block $b0
      loop $l1
        local.get $at
        i32.const 16
        i32.add
        local.get $bytes
        i32.gt_s
        br_if $b0
        local.get $out
        local.get $at
        i32.add
        v128.const i32x4 0x0 0x0 0x0 0x0
        v128.store
        local.get $at
        i32.const 16
        i32.add
        local.set $at
        br $l1
      end
    end
    block $b2
      loop $l3
        local.get $at
        local.get $bytes
        i32.ge_s
        br_if $b2
        local.get $out
        local.get $at
        i32.add
        v128.const f32x4 0 0 0 0
        f32x4.extract_lane 0
        f32.store
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $l3
      end
    end
    local.get $rows
    i32.const 2
    i32.div_u
    i32.const 2
    i32.mul
    local.set $full
    i32.const 0
    local.set $i0
    block $b4
      loop $l5
        local.get $i0
        local.get $full
        i32.ge_s
        br_if $b4
        local.get $i0
        i32.const 64
        i32.add
        local.set $iEnd
        block $b6
          local.get $iEnd
          local.get $full
          i32.le_s
          br_if $b6
          local.get $full
          local.set $iEnd
        end
        i32.const 0
        local.set $chunk
        block $b7
          loop $l8
            local.get $chunk
            local.get $samples
            i32.ge_s
            br_if $b7
            local.get $chunk
            i32.const 16
            i32.add
            local.set $chunkEnd
            block $b9
              local.get $chunkEnd
              local.get $samples
              i32.le_s
              br_if $b9
              local.get $samples
              local.set $chunkEnd
            end
            local.get $i0
            local.set $i
            block $b10
              loop $l11
                local.get $i
                local.get $iEnd
                i32.ge_s
                br_if $b10
                i32.const 0
                local.set $j
                ;; 2 × 5 columns
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
                v128.load
                local.set $acc0_0
                local.get $op
                v128.load offset=16
                local.set $acc0_1
                local.get $op
                v128.load offset=20
                local.set $acc1_0
                local.get $op
                v128.load offset=36
                local.set $acc1_1
                local.get $a
                local.get $chunk
                local.get $aStep
                i32.mul
                i32.add
                local.get $i
                i32.const 4
                i32.mul
                i32.add
                local.set $ap
                local.get $b
                local.get $chunk
                local.get $bStep
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $bp
                local.get $chunk
                local.set $s
                block $b12
                  loop $l13
                    local.get $s
                    local.get $chunkEnd
                    i32.ge_s
                    br_if $b12
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
                    br $l13
                  end
                end
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
                br $l11
              end
            end
            local.get $chunk
            i32.const 16
            i32.add
            local.set $chunk
            br $l8
          end
        end
        local.get $i0
        i32.const 64
        i32.add
        local.set $i0
        br $l5
      end
    end
    block $b14
      local.get $rows
      local.get $full
      i32.sub
      i32.const 1
      i32.ne
      br_if $b14
      local.get $full
      local.set $i
      i32.const 0
      local.set $chunk
      block $b15
        loop $l16
          local.get $chunk
          local.get $samples
          i32.ge_s
          br_if $b15
          local.get $chunk
          i32.const 16
          i32.add
          local.set $chunkEnd
          block $b17
            local.get $chunkEnd
            local.get $samples
            i32.le_s
            br_if $b17
            local.get $samples
            local.set $chunkEnd
          end
          i32.const 0
          local.set $j
          ;; 1 × 5 columns
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
          v128.load
          local.set $acc0_0
          local.get $op
          v128.load offset=16
          local.set $acc0_1
          local.get $a
          local.get $chunk
          local.get $aStep
          i32.mul
          i32.add
          local.get $i
          i32.const 4
          i32.mul
          i32.add
          local.set $ap
          local.get $b
          local.get $chunk
          local.get $bStep
          i32.mul
          i32.add
          local.get $j
          i32.const 4
          i32.mul
          i32.add
          local.set $bp
          local.get $chunk
          local.set $s
          block $b18
            loop $l19
              local.get $s
              local.get $chunkEnd
              i32.ge_s
              br_if $b18
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
              br $l19
            end
          end
          local.get $op
          local.get $acc0_0
          v128.store
          local.get $op
          local.get $acc0_1
          f32x4.extract_lane 0
          f32.store offset=16
          local.get $chunk
          i32.const 16
          i32.add
          local.set $chunk
          br $l16
        end
      end
    end
  )
  ;; out[j] += Σ_l a[l][j] for j < 5, l < rows; 16 columns at a time
  (func $colsum_5 (export "colsum_5") (param $a i32) (param $out i32) (param $rows i32)
    (local $l i32)
    (local $at i32)
    (local $col i32)
    (local $sum0 v128)
    (local $sum1 v128)
    (local $sum2 v128)
    (local $sum3 v128)
    i32.const 0
    local.set $col
    v128.const f32x4 0 0 0 0
    local.set $sum0
    i32.const 0
    local.set $l
    local.get $a
    local.get $col
    i32.add
    local.set $at
    block $b0
      loop $l1
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b0
        local.get $sum0
        local.get $at
        v128.load
        f32x4.add
        local.set $sum0
        local.get $at
        i32.const 20
        i32.add
        local.set $at
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l1
      end
    end
    local.get $out
    local.get $col
    i32.add
    local.set $at
    local.get $at
    local.get $at
    v128.load
    local.get $sum0
    f32x4.add
    v128.store
    v128.const f32x4 0 0 0 0
    local.set $sum0
    i32.const 0
    local.set $l
    local.get $a
    local.get $col
    i32.add
    local.set $at
    block $b2
      loop $l3
        local.get $l
        local.get $rows
        i32.ge_s
        br_if $b2
        local.get $sum0
        local.get $at
        v128.load offset=16
        f32x4.add
        local.set $sum0
        local.get $at
        i32.const 20
        i32.add
        local.set $at
        local.get $l
        i32.const 1
        i32.add
        local.set $l
        br $l3
      end
    end
    local.get $out
    local.get $col
    i32.add
    local.set $at
    local.get $at
    local.get $at
    f32.load offset=16
    local.get $sum0
    f32x4.extract_lane 0
    f32.add
    f32.store offset=16
  )
  ;; out[s][j] = Σ_p v[s][p] w[p][j] for p < 20, j < 3; tiles of 2 samples × 16 columns, blocks of 20 rows of W × 32 samples
  (func $cols_20x3 (export "cols_20x3") (param $v i32) (param $w i32) (param $out i32) (param $samples i32)
    (local $s i32)
    (local $j i32)
    (local $vp i32)
    (local $wp i32)
    (local $pe i32)
    (local $p0 i32)
    (local $pEnd i32)
    (local $sb i32)
    (local $sEnd i32)
    (local $bytes i32)
    (local $at i32)
    (local $a0 v128)
    (local $op i32)
    (local $acc0_0 v128)
    (local $acc1_0 v128)
    (local $b0 v128)
    local.get $samples
    i32.const 12
    i32.mul
    local.set $bytes
    i32.const 0
    local.set $at
    block $b0
      loop $l1
        local.get $at
        i32.const 16
        i32.add
        local.get $bytes
        i32.gt_s
        br_if $b0
        local.get $out
        local.get $at
        i32.add
        v128.const i32x4 0x0 0x0 0x0 0x0
        v128.store
        local.get $at
        i32.const 16
        i32.add
        local.set $at
        br $l1
      end
    end
    block $b2
      loop $l3
        local.get $at
        local.get $bytes
        i32.ge_s
        br_if $b2
        local.get $out
        local.get $at
        i32.add
        v128.const f32x4 0 0 0 0
        f32x4.extract_lane 0
        f32.store
        local.get $at
        i32.const 4
        i32.add
        local.set $at
        br $l3
      end
    end
    i32.const 0
    local.set $sb
    block $b4
      loop $l5
        local.get $sb
        local.get $samples
        i32.ge_s
        br_if $b4
        local.get $sb
        i32.const 32
        i32.add
        local.set $sEnd
        block $b6
          local.get $sEnd
          local.get $samples
          i32.le_s
          br_if $b6
          local.get $samples
          local.set $sEnd
        end
        i32.const 0
        local.set $p0
        block $b7
          loop $l8
            local.get $p0
            i32.const 20
            i32.ge_s
            br_if $b7
            local.get $p0
            i32.const 20
            i32.add
            local.set $pEnd
            block $b9
              local.get $pEnd
              i32.const 20
              i32.le_s
              br_if $b9
              i32.const 20
              local.set $pEnd
            end
            i32.const 0
            local.set $j
            local.get $sb
            local.set $s
            block $b10
              loop $l11
                local.get $sEnd
                local.get $s
                i32.sub
                i32.const 2
                i32.lt_s
                br_if $b10
                ;; 2 × 3 columns
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
                v128.load
                local.set $acc0_0
                local.get $op
                v128.load offset=12
                local.set $acc1_0
                local.get $v
                local.get $s
                i32.const 80
                i32.mul
                i32.add
                local.set $vp
                local.get $vp
                local.get $pEnd
                i32.const 4
                i32.mul
                i32.add
                local.set $pe
                local.get $vp
                local.get $p0
                i32.const 4
                i32.mul
                i32.add
                local.set $vp
                local.get $w
                local.get $p0
                i32.const 12
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $wp
                loop $l12
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
                  br_if $l12
                end
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
                br $l11
              end
            end
            block $b13
              loop $l14
                local.get $s
                local.get $sEnd
                i32.ge_s
                br_if $b13
                ;; 1 × 3 columns
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
                v128.load
                local.set $acc0_0
                local.get $v
                local.get $s
                i32.const 80
                i32.mul
                i32.add
                local.set $vp
                local.get $vp
                local.get $pEnd
                i32.const 4
                i32.mul
                i32.add
                local.set $pe
                local.get $vp
                local.get $p0
                i32.const 4
                i32.mul
                i32.add
                local.set $vp
                local.get $w
                local.get $p0
                i32.const 12
                i32.mul
                i32.add
                local.get $j
                i32.const 4
                i32.mul
                i32.add
                local.set $wp
                loop $l15
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
                  br_if $l15
                end
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
                br $l14
              end
            end
            local.get $p0
            i32.const 20
            i32.add
            local.set $p0
            br $l8
          end
        end
        local.get $sb
        i32.const 32
        i32.add
        local.set $sb
        br $l5
      end
    end
  )
  ;; out = Σ at[k]·0 for k < count (count a multiple of 4): 0 when every value is finite, else NaN
  (func $nonfinite (export "nonfinite") (param $at i32) (param $count i32) (param $out i32)
    (local $end i32)
    (local $sum0 v128)
    (local $sum1 v128)
    (local $sum2 v128)
    (local $sum3 v128)
    v128.const f32x4 0 0 0 0
    local.set $sum0
    v128.const f32x4 0 0 0 0
    local.set $sum1
    v128.const f32x4 0 0 0 0
    local.set $sum2
    v128.const f32x4 0 0 0 0
    local.set $sum3
    local.get $count
    i32.const 4
    i32.mul
    local.get $at
    i32.add
    local.set $end
    block $b0
      loop $l1
        local.get $end
        local.get $at
        i32.sub
        i32.const 64
        i32.lt_s
        br_if $b0
        local.get $sum0
        local.get $at
        v128.load
        v128.const f32x4 0 0 0 0
        f32x4.mul
        f32x4.add
        local.set $sum0
        local.get $sum1
        local.get $at
        v128.load offset=16
        v128.const f32x4 0 0 0 0
        f32x4.mul
        f32x4.add
        local.set $sum1
        local.get $sum2
        local.get $at
        v128.load offset=32
        v128.const f32x4 0 0 0 0
        f32x4.mul
        f32x4.add
        local.set $sum2
        local.get $sum3
        local.get $at
        v128.load offset=48
        v128.const f32x4 0 0 0 0
        f32x4.mul
        f32x4.add
        local.set $sum3
        local.get $at
        i32.const 64
        i32.add
        local.set $at
        br $l1
      end
    end
    block $b2
      loop $l3
        local.get $end
        local.get $at
        i32.sub
        i32.const 16
        i32.lt_s
        br_if $b2
        local.get $sum0
        local.get $at
        v128.load
        v128.const f32x4 0 0 0 0
        f32x4.mul
        f32x4.add
        local.set $sum0
        local.get $at
        i32.const 16
        i32.add
        local.set $at
        br $l3
      end
    end
    local.get $sum0
    local.get $sum1
    f32x4.add
    local.get $sum2
    f32x4.add
    local.get $sum3
    f32x4.add
    local.set $sum0
    local.get $out
    local.get $sum0
    f32x4.extract_lane 0
    local.get $sum0
    f32x4.extract_lane 1
    f32.add
    local.get $sum0
    f32x4.extract_lane 2
    f32.add
    local.get $sum0
    f32x4.extract_lane 3
    f32.add
    f32.store
  )
  ;; bytes from `at` on set to 0
  (func $zero_bytes (export "zero_bytes") (param $at i32) (param $bytes i32)
    local.get $at
    i32.const 0
    local.get $bytes
    memory.fill
  )
)
