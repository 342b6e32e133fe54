#!/usr/bin/env python3
"""A Markdown table of the JSON reports written by original_method_{1,2}.py --json.

  python3 Scripts/original_table.py /work/runs/original/*.json
"""
import json
import sys
from pathlib import Path


def features_row(name, report):
    """The feature-extraction line of one report (None when the features came from a cache)."""
    f = report["features"]
    if "cached" in f:
        return None
    return (f"| {name}: features | {f['clips']} ({f['rows']} rows) | {f['seconds']:.0f} | {f['seconds_per_clip']:.3f} "
            f"| {f['cpu_seconds_per_clip']:.3f} | – | {f['load_before']}–{f['load_after']} |")


def cv_row(name, report):
    """The cross-validation line of one report: wall and CPU seconds, epochs, s/epoch and scores."""
    s = report["cv"]["summary"]
    folds = report["cv"]["folds"]
    loads = [r["load_before"] for r in folds] + [r["load_after"] for r in folds]
    score = (f"acc {s['accuracy']['mean']:.4f} ± {s['accuracy']['std']:.4f}, F1 {s['macro_f1']['mean']:.4f} ± "
             f"{s['macro_f1']['std']:.4f}, UAR {s['uar']['mean']:.4f} ± {s['uar']['std']:.4f}")
    extra = report.get("holdout") or report.get("final_evaluation_on_training_rows")
    if extra:
        label = "hold-out" if "holdout" in report else "final eval on training rows"
        score += f"; {label} acc {extra['accuracy']:.4f}"
    return (f"| {name}: CV, {len(folds)} fold(s), {s['epochs']} epochs, {s['seconds_per_epoch_after_first']:.2f} s/epoch "
            f"(CPU {s['cpu_seconds'] / s['epochs']:.2f}) | {report['clips']} | {s['seconds']:.0f} | – "
            f"| CPU {s['cpu_seconds']:.0f} s | {score} | {min(loads)}–{max(loads)} |")


def main():
    print("| what | clips | wall s | wall s/clip | CPU s/clip | accuracy | load (1 min) |")
    print("|---|---|---|---|---|---|---|")
    for path in sys.argv[1:]:
        report = json.loads(Path(path).read_text())
        name = Path(path).stem
        for row in (features_row(name, report), cv_row(name, report) if "cv" in report else None):
            if row:
                print(row)


if __name__ == "__main__":
    main()
