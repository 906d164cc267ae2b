# compare: every shard's documents and claims -> comparison tables and key findings.


rule compare:
    input:
        documents=expand(f"{RESULTS}/documents/{{shard}}.jsonl", shard=SHARDS),
        claims=expand(f"{RESULTS}/claims/{{shard}}.jsonl", shard=SHARDS),
        topic=str(SETTINGS.topic),
        corpus=f"{INDEX}/corpus.json",
        corrections=CORRECTIONS,
    output:
        tables=[
            report(
                f"{RESULTS}/tables/{name}.csv",
                caption="../report/table.rst",
                category="Tables",
                labels={"table": name},
            )
            for name in TABLES
        ],
        findings=f"{RESULTS}/findings.json",
    log:
        f"{RESULTS}/logs/compare.log",
    benchmark:
        f"{RESULTS}/benchmarks/compare.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        strict=SETTINGS.strict,
        policy=SETTINGS.headline_policy,
        same_time_days=SETTINGS.same_time_days,
        report_date=DATE,
        tables=lambda wildcards, output: os.path.dirname(output.tables[0]),
    script:
        "../scripts/compare.py"


# changes: this briefing's snapshot (beside the PDF, for the next briefing) and what
# changed since the latest earlier briefing's snapshot.
rule changes:
    input:
        tables=[
            f"{RESULTS}/tables/{name}.csv"
            for name in (
                "sources",
                "troop_groups",
                "troops",
                "conflicts",
                "casualties",
            )
        ],
        previous=PREVIOUS,
    output:
        snapshot=BRIEFING_JSON,
        changes=f"{RESULTS}/changes.json",
    log:
        f"{RESULTS}/logs/changes.log",
    benchmark:
        f"{RESULTS}/benchmarks/changes.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
    script:
        "../scripts/changes.py"
