# ingest: the articles of one shard -> results/documents/{shard}.jsonl


rule ingest:
    input:
        lambda wildcards: [f"{SEEDS}/{name}" for name in shard_names(wildcards)],
    output:
        f"{RESULTS}/documents/{{shard}}.jsonl",
    log:
        f"{RESULTS}/logs/ingest/{{shard}}.log",
    conda:
        "../envs/crossbrief.yaml"
    params:
        seeds=SEEDS,
        names=shard_names,
        entries=shard_entries,
        max_bytes=SETTINGS.max_article_bytes,
    script:
        "../scripts/ingest.py"
