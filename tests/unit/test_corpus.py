from pathlib import Path

from crossbrief.corpus import scan, shard_of


def test_shard_is_stable_and_in_range() -> None:
    assert shard_of("000_fa25f08cf7c4953c.txt", 8) == shard_of("000_fa25f08cf7c4953c.txt", 8)
    assert {shard_of(f"{i}.txt", 8) for i in range(200)} == set(range(8))


def test_scan_lists_articles_and_reports_what_it_passes_over(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "b article.txt").write_text("x")
    (seeds / "-dash.md").write_text("x")
    (seeds / "ünï.html").write_text("x")
    (seeds / "notes.docx").write_bytes(b"PK")
    (seeds / ".hidden.txt").write_text("x")
    (seeds / "sources.yaml").write_text("{}")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (seeds / "link.txt").symlink_to(outside)
    corpus = scan(seeds, 4, seeds / "sources.yaml")
    assert corpus.articles == ("-dash.md", "b article.txt", "ünï.html")
    reasons = {s.name: s.reason for s in corpus.skipped}
    assert set(reasons) == {"link.txt", "notes.docx"}
    assert "outside the seeds folder" in reasons["link.txt"]
    assert sum(len(corpus.in_shard(i)) for i in range(4)) == 3
