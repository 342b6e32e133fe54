#!/bin/sh
# Runs the timing and accuracy measurements of the Python re-run of the original (Scripts/original_method_*.py).
# Outputs (logs, JSON reports, feature caches, checkpoints) go to $OUT, never into the repository.
#   Scripts/original_measure.sh method1 1000   # method 1: features of 1000 clips, original-protocol CV, speaker CV
#   Scripts/original_measure.sh method2 300    # method 2 features, method 1 features, one CV fold of each protocol
set -eu
AUDIO=${MOODIFY_AUDIO:-/work/shared/corpus/crema-d-dev}
OUT=${OUT:-/work/runs/original}
HERE=$(dirname "$0")
mkdir -p "$OUT"
run() { # run NAME SCRIPT ARGS...: one measurement, its log and JSON report named NAME
    name=$1; script=$2; shift 2
    echo "$(date -u +%H:%M:%S) $name  ($(uptime | sed 's/.*load/load/'))"
    python3 "$HERE/$script" --audio "$AUDIO" --out "$OUT/checkpoints_$name" --json "$OUT/$name.json" "$@" \
        > "$OUT/$name.log" 2>&1
}
case $1 in
method1)
    run "m1_features_$2" original_method_1.py --limit "$2" --features-only --features-cache "$OUT/m1_$2.npz"
    run "m1_original_$2" original_method_1.py --limit "$2" --protocol original --features-cache "$OUT/m1_$2.npz"
    run "m1_speaker_$2" original_method_1.py --limit "$2" --protocol speaker --features-cache "$OUT/m1_$2.npz" ;;
method2)
    run "m2_features_$2" original_method_2.py --limit "$2" --features-only --features-cache "$OUT/m2_$2.npz"
    run "m1_features_$2" original_method_1.py --limit "$2" --features-only --features-cache "$OUT/m1_$2.npz"
    run "m2_original_$2_fold1" original_method_2.py --limit "$2" --protocol original --max-folds 1 --features-cache "$OUT/m2_$2.npz"
    run "m2_speaker_$2_fold1" original_method_2.py --limit "$2" --protocol speaker --max-folds 1 --features-cache "$OUT/m2_$2.npz" ;;
*) echo "usage: $0 method1|method2 CLIPS" >&2; exit 2 ;;
esac
