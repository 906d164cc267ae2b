# render: tables, findings and charts -> self-contained HTML twin, print HTML -> PDF.


rule render_html:
    input:
        tables=rules.compare.output.tables,
        findings=rules.compare.output.findings,
        changes=rules.changes.output.changes,
        charts=rules.charts.output.charts,
        captions=rules.charts.output.captions,
        templates=sorted(Path("templates").glob("*.j2")),
        css="templates/css/briefing.css",
        topic=str(SETTINGS.topic),
    output:
        screen=report(
            BRIEFING_HTML,
            caption="../report/briefing.rst",
            category="Briefing",
            labels={"format": "HTML"},
        ),
        printed=f"{RESULTS}/print/briefing-{DATE}.html",
    log:
        f"{RESULTS}/logs/render_html.log",
    benchmark:
        f"{RESULTS}/benchmarks/render_html.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
    script:
        "../scripts/render_html.py"


rule render_pdf:
    input:
        html=rules.render_html.output.printed,
        css="templates/css/print.css",
        fonts=sorted(Path("templates/fonts").glob("*.ttf")),
    output:
        pdf=report(
            BRIEFING_PDF,
            caption="../report/briefing.rst",
            category="Briefing",
            labels={"format": "PDF"},
        ),
        # the page count, for the summary the build prints at the end
        pages=f"{RESULTS}/print/briefing-{DATE}.pages.json",
    log:
        f"{RESULTS}/logs/render_pdf.log",
    benchmark:
        f"{RESULTS}/benchmarks/render_pdf.tsv"
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
        results=lambda wildcards, input: os.path.dirname(os.path.dirname(input.html)),
    script:
        "../scripts/render_pdf.py"
