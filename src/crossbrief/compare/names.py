"""Names of the comparison tables (light: read when Snakemake parses the workflow)."""

TABLE_NAMES = (
    "sources",
    "inputs",
    "claims",
    "troops",
    "troop_groups",
    "attacks",
    "attack_flags",
    "casualties",
    "casualty_summary",
    "event_dates",
    "events_matrix",
    "event_disagreements",
    "dated_statements",
    "conflicts",
    "credibility",
    "reprints",
    "corrections",
)

CHART_NAMES = ("troops", "attacks", "timeline", "coverage")
