"""The rules the comparisons apply, in words, printed in the briefing's method section."""

from __future__ import annotations

AGREEMENT_SHARE = 0.10  # values within 10% of each other agree
WINDOW_TOLERANCE_DAYS = 31  # counting windows that start this close start "about the same time"

HEADCOUNT_KINDS = ("present", "remaining")
CHANGE_KINDS = ("additional", "deployed", "withdrawn", "planned")

GROUPING = (
    "Troop figures are compared within a group of the same actor, location and kind class: "
    "headcounts (present, remaining) apart from changes (additional, deployed, withdrawn, "
    "planned). Figures in photo captions are never compared."
)
AGREEMENT = (
    f"Two figures agree when they are within {AGREEMENT_SHARE:.0%} of each other. A group's "
    "agreement is the share of independent sources whose figure is within "
    f"{AGREEMENT_SHARE:.0%} of the most common figure (the mode; on a tie, the lowest)."
)
OUTLIER = (
    "A figure is an outlier when it is more than "
    f"{AGREEMENT_SHARE:.0%} away from the mode while at least two independent sources "
    "support the mode and only one supports the figure."
)
POLICIES = {
    "median": "the median of the figures of the independent sources",
    "conservative": "the lowest figure any source gives (the conservative choice, as ACLED makes)",
    "latest": "the figure of the most recently published source",
}
ATTACKS = (
    "Attack counts are cumulative. For two counts whose counting windows start within "
    f"{WINDOW_TOLERANCE_DAYS} days of each other, a count as of a later date must not be "
    "lower than a count as of an earlier date; each such pair is flagged. The rate per week "
    "is the count divided by the weeks from the window start to the as-of date. At most "
    "2,000 flagged pairs are listed."
)
CREDIBILITY = (
    "Credibility follows the Admiralty scale for information: 1 confirmed (two or more other "
    "independent sources agree, none disagree); 2 probably true (one other agrees and none "
    "disagree, or two or more agree and fewer disagree); 3 possibly true (as many disagree "
    "as agree, or one agrees and fewer disagree); 4 doubtful (more disagree than agree); "
    "5 improbable (two or more disagree and none agree); 6 cannot be judged (no other "
    "source reports on it)."
)
LIKELIHOOD = (
    "Findings use the ICD 203 words for likelihood: 'very likely' when at least three "
    "independent sources agree and at least 75% of those reporting do; 'likely' when at "
    "least two agree and they are the majority; otherwise the finding only reports who "
    "said what."
)
