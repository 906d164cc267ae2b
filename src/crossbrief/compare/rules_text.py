"""The rules the comparisons apply, in words, printed in the briefing's method section."""

from __future__ import annotations

AGREEMENT_SHARE = 0.10  # values within 10% of each other agree
WINDOW_TOLERANCE_DAYS = 31  # counting windows that start this close start "about the same time"

SAME_TIME_DAYS = 45  # default of the config key same_time_days

HEADCOUNT_KINDS = ("present", "remaining")
CHANGE_KINDS = ("additional", "deployed", "withdrawn")
AHEAD_KINDS = ("planned", "hypothetical", "target")

GROUPING = (
    "Like is compared with like. Troop figures are compared within a series of the same "
    "actor, location and measure: present headcounts (present, remaining), planned or "
    "hypothetical figures, and each kind of change (additional, deployed, withdrawn) are "
    "separate measures. Casualties are compared per event (or place) and outcome, so "
    "killed or wounded is never compared with killed; counts with a window start are "
    "compared only with counts of a window starting about the same time. Figures in photo "
    "captions are never compared."
)
AS_OF = (
    "Every figure has an as-of date: the date in its clause, else a day or week its sentence "
    "gives with no other number between it and the figure (the date of the statement, such "
    "as 'said on Monday', or of what it tells; a year or month in the sentence is taken as "
    "background), else the publication date. A planned "
    "figure takes its target date; any other figure never takes a date after its article's "
    "publication. Each as-of date is an interval at its granularity (a day, an ISO week, a "
    "month, a year)."
)


def series_rule(same_time_days: int) -> str:
    return (
        "Each series is ordered by as-of date and cut into periods: a period opens with its "
        f"earliest figure and holds every figure whose as-of lies within {same_time_days} "
        "days of it (the setting same_time_days). Within a period, independent sources whose "
        "figures do not agree are a dispute. Across periods the series is a trajectory with a "
        "headline figure per period (by the headline policy), and a step between consecutive "
        "periods whose headlines do not agree is a change, not a disagreement."
    )


INTERNAL = (
    "An article is internally inconsistent only when it gives headcounts for the same "
    "series as of the same date, attributed to the same source (or to none), in different "
    "sentences, that do not agree; figures it attributes to different sources report a "
    "dispute. A sentence "
    "whose figures differ ('from about 2,000 to fewer than 1,000') states a sequence and is "
    "never one side of a contradiction; figures of different measures or dates are "
    "different quantities, and two changes (withdrawn, additional) in one article are two "
    "events."
)
DATES = (
    "Each date a source gives an event is an interval at its granularity ('last week' a "
    "week, '2020' a year); two dates disagree only when their intervals do not overlap. "
    "Each event with a disagreement is one finding listing every source's date. A weekday "
    "that contradicts its date is flagged with the nearest years in which that date falls "
    "on that weekday."
)
DISCOVERED = (
    "Events the topic's catalogue does not list are discovered: dated statements of two or "
    "more sources are one event when their dates overlap (a month holds its days, a week "
    "its seven days, a day may be one off only when they also share a name or place), they "
    "share words of what happened or names (matched across transliterations), and they "
    "name no places that differ. Catalogue events come first; a statement is in at most "
    "one event. A discovered event is named from its most central sentence and marked "
    "'(discovered)'; its dates are compared like a catalogue event's."
)
AGREEMENT = (
    f"Two figures agree when they are within {AGREEMENT_SHARE:.0%} of each other. A group's "
    "agreement is the share of independent sources whose figure is within "
    f"{AGREEMENT_SHARE:.0%} of the most common figure (the mode; on a tie, the lowest), "
    "taken over the series' whole span in the table of groups."
)
OUTLIER = (
    "A figure is an outlier when it is more than "
    f"{AGREEMENT_SHARE:.0%} away from the mode of the figures about the same time (its "
    "period) while at least two independent sources support that mode and only one "
    "supports the figure."
)
POLICIES = {
    "median": "the median of the figures of the independent sources",
    "conservative": "the lowest figure any source gives (the conservative choice, as ACLED makes)",
    "latest": "the figure of the most recently published source",
}
ATTACKS = (
    "Attack counts are cumulative. For two counts of the same scope (attacks on the same "
    "target in the same places) whose counting windows start within "
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
    "source reports on it). A troop figure is judged only against figures of the same "
    "series and period."
)
LIKELIHOOD = (
    "Findings use the ICD 203 words for likelihood: 'very likely' when at least three "
    "independent sources agree and at least 75% of those reporting do; 'likely' when at "
    "least two agree and they are the majority; otherwise the finding only reports who "
    "said what."
)
