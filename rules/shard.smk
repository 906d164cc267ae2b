# shard: the articles of one shard -> results/documents/{shard}.jsonl (ingest) and
# results/claims/{shard}.jsonl (extract). One job per shard: Python starts once.


rule shard:
    input:
        index=f"{INDEX}/{{shard}}.json",
        topic=str(SETTINGS.topic),
    output:
        documents=f"{RESULTS}/documents/{{shard}}.jsonl",
        claims=f"{RESULTS}/claims/{{shard}}.jsonl",
    log:
        f"{RESULTS}/logs/shard/{{shard}}.log",
    benchmark:
        f"{RESULTS}/benchmarks/shard/{{shard}}.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        seeds=SEEDS,
        max_bytes=SETTINGS.max_article_bytes,
    script:
        "../scripts/shard.py"
