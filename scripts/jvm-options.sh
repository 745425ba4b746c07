# JVM options of ./evalgap and of the benchmarks, sourced by both; sets the array evalgap_jvm_options.
# Measured on 2 cores with `gap --vectors` on 5,000 vs 5,000 x 384 vectors (interleaved runs, /proc thread CPU):
#
# - ThreadPriorityPolicy=1 makes the JVM apply Java thread priorities. evalgap runs its own threads at the lowest
#   (Main), below the JIT compiler threads, so on a machine with few cores the compiled kernels arrive sooner:
#   3.05 -> 2.85 s. Lowering a priority needs no privilege; the JVM still warns about the policy when not run as
#   root, hence -PrintWarnings there.
# - Tier{3,4}MinInvocationThreshold=10: a small kernel called in a loop (a dot-product block, one bootstrap
#   resample) is compiled as a method once it has been called 10 times with enough loop iterations, instead of
#   first for its running loop (on-stack replacement) and again as a method when called 600 times: a fifth fewer
#   C2 compilations, 3.12 -> 2.96 s (`report` on the demo: 4.2 -> 3.8 s). With Tier4BackEdgeThreshold=200000
#   (default 40,000) C2 waits longer before compiling a running loop by on-stack replacement, which those method
#   compilations make redundant: C2 CPU time 0.78 -> 0.66 s, wall 2.77 -> 2.71 s (three A/B runs of 8-10 each).
# - ObjectAlignmentInBytes=64 starts every array on a cache line, so the arrays a kernel loop reads together (the
#   columns of a transposed block and the row of dot products they update) sit at one offset within their lines: the
#   JIT aligns its SIMD loop to one of them and every 64-byte load then touches one line, not two. Dot-product
#   blocks 23 -> 31 GMAC/s on one core, the MMD 1.19 -> 1.00 s warm (distances -17%, permutations -8%), `gap`
#   2.88 -> 2.70 s; RSS unchanged (`report` on the demo: 500 MB either way). The class-data-sharing archive must be
#   made with the same alignment (evalgap-cli/pom.xml).
# - UseParallelGC: evalgap's work is batch computation on a few large arrays, where the throughput collector beats G1
#   (the default): `gap` 3.1-3.4 -> 2.8-3.2 s, RSS about 390 MB either way.
evalgap_jvm_options=(-XX:+UseParallelGC -XX:ThreadPriorityPolicy=1 -XX:Tier3MinInvocationThreshold=10 -XX:Tier4MinInvocationThreshold=10
  -XX:Tier4BackEdgeThreshold=200000 -XX:ObjectAlignmentInBytes=64)
[ "$(id -u)" = 0 ] || evalgap_jvm_options+=(-XX:-PrintWarnings)
