# compare: all shards -> tables of sources and inputs (the comparisons join them here).


rule inventory:
    input:
        expand(f"{RESULTS}/documents/{{shard}}.jsonl", shard=SHARDS),
    output:
        sources=f"{RESULTS}/tables/sources.csv",
        inputs=f"{RESULTS}/tables/inputs.csv",
    log:
        f"{RESULTS}/logs/inventory.log",
    conda:
        "../envs/crossbrief.yaml"
    params:
        skipped=json.dumps([item.__dict__ for item in CORPUS.skipped], sort_keys=True),
        strict=SETTINGS.strict,
    script:
        "../scripts/inventory.py"
