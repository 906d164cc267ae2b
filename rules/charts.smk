# charts: comparison tables -> deterministic SVG charts with captions and text alternatives.


rule charts:
    input:
        tables=rules.compare.output.tables,
        fonts=sorted(Path("templates/fonts").glob("*.ttf")),
    output:
        charts=[
            report(
                f"{RESULTS}/charts/{name}.svg",
                caption="../report/chart.rst",
                category="Charts",
                labels={"chart": name},
            )
            for name in CHART_NAMES
        ],
        captions=f"{RESULTS}/charts/charts.json",
    log:
        f"{RESULTS}/logs/charts.log",
    benchmark:
        f"{RESULTS}/benchmarks/charts.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
    script:
        "../scripts/charts.py"
