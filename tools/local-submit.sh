#!/usr/bin/env bash
# A stand-in for a cluster's submit command (sbatch, qsub, bsub): runs one Snakemake
# job script as its own background process and prints a job id, as schedulers do.
# Used by profiles/cluster-generic and its test; replace it with your scheduler's command.
set -euo pipefail
nohup bash "$1" > "$1.out" 2>&1 &
echo "local-$!"
