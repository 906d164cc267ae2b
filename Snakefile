# crossbrief: articles in seeds/ -> reports/briefing-YYYY-MM-DD.{pdf,html}
# Stages and conventions: see README.md. Settings: config/config.yaml.


configfile: "config/config.yaml"


include: "rules/common.smk"
include: "rules/shard.smk"
include: "rules/compare.smk"
include: "rules/charts.smk"
include: "rules/render.smk"


rule all:
    default_target: True
    input:
        BRIEFING_PDF,
        BRIEFING_HTML,
        BRIEFING_JSON,
