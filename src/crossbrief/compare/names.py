"""Names of the comparison tables (light: read when Snakemake parses the workflow)."""

TABLE_NAMES = (
    "sources",
    "inputs",
    "claims",
    "troops",
    "troop_groups",
    "troop_series",
    "troop_changes",
    "attacks",
    "attack_flags",
    "casualties",
    "casualty_summary",
    "event_dates",
    "events_matrix",
    "event_disagreements",
    "event_date_findings",
    "dated_statements",
    "conflicts",
    "credibility",
    "reprints",
    "corrections",
)

CHART_NAMES = ("troops", "attacks", "timeline", "coverage")
