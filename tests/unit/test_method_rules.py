"""Every comparison rule the comparison applies is stated in the Method section."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from crossbrief.compare.rules_text import POLICIES
from crossbrief.compare.stage import method_rules
from crossbrief.render.html import environment

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_the_method_section_prints_every_rule(policy: str) -> None:
    rules = method_rules(policy, 30)
    findings = {"rules": rules, "policy": policy, "same_time_days": 30}
    template = environment(TEMPLATES).get_template("_method.html.j2")
    page = html.unescape(template.render(findings=findings, corrections=[]))
    missing = [key for key, text in rules.items() if text not in page]
    assert not missing, f"rules not printed in the Method section: {missing}"
    assert "30 days" in rules["series"]
