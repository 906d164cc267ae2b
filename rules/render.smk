# render: tables -> self-contained HTML -> PDF, dated by the report date.


rule render_html:
    input:
        sources=f"{RESULTS}/tables/sources.csv",
        inputs=f"{RESULTS}/tables/inputs.csv",
        findings=f"{RESULTS}/findings.json",
        templates=sorted(Path("templates").glob("*.j2")),
        css="templates/css/briefing.css",
        topic=str(SETTINGS.topic),
    output:
        BRIEFING_HTML,
    log:
        f"{RESULTS}/logs/render_html.log",
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
    script:
        "../scripts/render_html.py"


rule render_pdf:
    input:
        html=BRIEFING_HTML,
        css="templates/css/print.css",
        fonts=sorted(Path("templates/fonts").glob("*.ttf")),
    output:
        BRIEFING_PDF,
    log:
        f"{RESULTS}/logs/render_pdf.log",
    conda:
        "../envs/crossbrief.yaml"
    params:
        date=DATE,
        results=RESULTS,
    script:
        "../scripts/render_pdf.py"
