#!/usr/bin/env bash
# Benchmark: the full gap statistics (MMD with 1000 permutations, 5-fold C2ST, k-means k=20 + JS,
# coverage) of evalgap against the Python reference ../shared/bench/drift_peer.py, on the same
# 5,000 vs 5,000 384-d vectors, in the same run. Prints wall time and peak RSS of both, and the ratios.
# Target: evalgap <= 1/3 of the reference's wall time and <= 1/2 of its peak memory.
#
# usage: bench/gap-vs-python.sh [SIZE] [PAIR] [RUNS]   (defaults: 5000 shift 3)
#   RUNS pairs of runs (the reference, then evalgap), each pair back to back so both meet the same machine
#   load; the ratios are per pair, the summary line gives their median (and the range).
#   EVALGAP_JAR             the jar to run (default evalgap-cli/target/evalgap.jar, built when missing)
#   EVALGAP_BENCH_JAVA_OPTS JVM options (default: those ./evalgap runs with, scripts/jvm-options.sh, and the
#                           class-data-sharing archive the build makes next to the jar, evalgap.jsa, when it is
#                           there)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${EVALGAP_SHARED:-$root/../shared}"
size="${1:-5000}"
pair="${2:-shift}"
runs="${3:-3}"
out="$root/target/bench"
mkdir -p "$out"

if ! /usr/bin/python3 -c 'import numpy, scipy, sklearn' 2>/dev/null; then
  echo "installing the Python reference stack (Debian packages)..." >&2
  apt-get install -y -q python3-numpy python3-scipy python3-sklearn >&2
fi
[ -f "$shared/bench/drift_peer.py" ] || { echo "no $shared/bench/drift_peer.py (set EVALGAP_SHARED)" >&2; exit 2; }

a="$out/${pair}_n${size}_A.npy"
b="$out/${pair}_n${size}_B.npy"
if [ ! -f "$a" ]; then
  /usr/bin/python3 "$shared/bench/make_vectors.py" --out "$out" --sizes "$size" >/dev/null
fi

jar="${EVALGAP_JAR:-$root/evalgap-cli/target/evalgap.jar}"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
archive="${jar%.jar}.jsa"
cds=""
# -Xlog: a stale archive's warning goes to stderr, never into the JSON on stdout
[ -f "$archive" ] && cds="-XX:SharedArchiveFile=$archive -Xlog:disable -Xlog:all=warning:stderr"
# shellcheck source=../scripts/jvm-options.sh
. "$root/scripts/jvm-options.sh"
java_opts="${EVALGAP_BENCH_JAVA_OPTS:-${evalgap_jvm_options[*]} $cds}"

measure() { # label, json-out, command...
  local label="$1" json="$2"; shift 2
  /usr/bin/time -f '%e %M' -o "$out/$label.time" "$@" > "$json"
  read -r wall rss < "$out/$label.time"
  echo "$wall $rss"
}

pairs=()
for r in $(seq "$runs"); do
  read -r py_wall py_rss < <(measure python "$out/python.json" \
    /usr/bin/python3 "$shared/bench/drift_peer.py" "$a" "$b" --perms 1000 --k 20 --seed 0)
  read -r jv_wall jv_rss < <(measure evalgap "$out/evalgap.json" \
    java $java_opts -jar "$jar" gap --vectors "$a" "$b" \
    --permutations 1000 --topics 20 --seed 0 --json)
  pairs+=("$py_wall,$py_rss,$jv_wall,$jv_rss")
done

echo "evalgap: java $java_opts -jar $jar"
/usr/bin/python3 - "$out/python.json" "$out/evalgap.json" "${pairs[@]}" <<'PY'
import json, statistics, sys
py, jv = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))['figures']
runs = [tuple(float(v) for v in p.split(',')) for p in sys.argv[3:]]
print(f"input: {py['input']['n_a']} vs {py['input']['n_b']} x {py['input']['d']}  ({sys.argv[1].rsplit('/',1)[0]})")
print(f"{'':22}{'python reference':>18}{'evalgap':>14}")
print(f"{'MMD^2':22}{py['mmd']['mmd2_unbiased']:>18.8g}{jv['mmd']['mmd2']:>14.8g}")
print(f"{'sigma':22}{py['mmd']['sigma']:>18.8g}{jv['mmd']['sigma']:>14.8g}")
print(f"{'MMD p (B=1000)':22}{py['mmd']['p_value']:>18.4g}{jv['mmd']['pValue']:>14.4g}")
print(f"{'C2ST AUC':22}{py['c2st']['auc']:>18.4f}{jv['c2st']['auc']:>14.4f}")
print(f"{'k-means JS (k=20)':22}{py['kmeans']['js_divergence_base2']:>18.4f}{jv['topics']['jsDivergence']:>14.4f}")
for i, (pw, pr, jw, jr) in enumerate(runs, 1):
    print(f"{'run %d wall time (s)' % i:22}{pw:>18.2f}{jw:>14.2f}   ratio {jw/pw:.2f}")
    print(f"{'run %d peak RSS (MiB)' % i:22}{pr/1024:>18.0f}{jr/1024:>14.0f}   ratio {jr/pr:.2f}")
wall = sorted(jw / pw for pw, _, jw, _ in runs)
rss = sorted(jr / pr for _, pr, _, jr in runs)
print(f"{'wall time ratio':22}median {statistics.median(wall):.2f} (range {wall[0]:.2f}-{wall[-1]:.2f}, "
      f"{len(runs)} runs; target <= 0.33)")
print(f"{'peak RSS ratio':22}median {statistics.median(rss):.2f} (range {rss[0]:.2f}-{rss[-1]:.2f}, "
      f"{len(runs)} runs; target <= 0.50)")
PY
