# extract: documents of one shard -> results/claims/{shard}.jsonl


rule extract:
    input:
        documents=f"{RESULTS}/documents/{{shard}}.jsonl",
        topic=str(SETTINGS.topic),
    output:
        f"{RESULTS}/claims/{{shard}}.jsonl",
    log:
        f"{RESULTS}/logs/extract/{{shard}}.log",
    conda:
        "../envs/crossbrief.yaml"
    script:
        "../scripts/extract.py"
