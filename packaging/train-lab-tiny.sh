#!/bin/bash
# Reproduces the bundled default model, resources/models/lab-tiny, from nothing but this
# repository: a synthetic corpus of 5000 incidents (seed 11, every explanation style), a
# 4096-piece unigram tokenizer trained on it, and SFT from scratch with the settings in
# resources/models/lab-tiny/sft-config.json (the style mixture of a base LLM).
#
#   bash packaging/train-lab-tiny.sh [BUILD_DIR]      (default: build)
#
# About 65 minutes on 2 cores. The run can be stopped with Ctrl+C and started again: it resumes from
# its last checkpoint. The tokenizer and the data order are deterministic; with the same thread
# count the weights are too.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cli="$build/app/rlhf-lab-cli"
work=${LAB_TINY_WORK:-$build/lab-tiny-training}
[ -x "$cli" ] || { echo "train-lab-tiny: $cli not found; build first (bash packaging/setup.sh)" >&2; exit 1; }
mkdir -p "$work"
[ -f "$work/corpus.db" ] || "$cli" synth --db "$work/corpus.db" --incidents 5000 --seed 11
"$cli" train sft --db "$work/corpus.db" --config resources/models/lab-tiny/sft-config.json --out "$work/lab-tiny"
cp "$work/lab-tiny/config.json" "$work/lab-tiny/model.safetensors" "$work/lab-tiny/tokenizer.model" resources/models/lab-tiny/
echo "lab-tiny written to resources/models/lab-tiny; measure it with:"
echo "  $cli synth --db $work/eval.db --incidents 0 --held-out 200 --seed 11 && $cli eval --db $work/eval.db --model resources/models/lab-tiny"
