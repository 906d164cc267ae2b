"""Near-duplicate articles (reprints, syndicated copies) grouped by MinHash over word
shingles, so that corroboration counts independent groups, not copies."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from crossbrief.disjoint import Groups
from crossbrief.records import Document

#: Words per shingle, permutations, and the Jaccard similarity that makes a reprint.
SHINGLE = 5
PERMUTATIONS = 128
THRESHOLD = 0.6
#: The copy rule in words; :data:`RULE` and the independence rule go on from it.
COPIES = (
    f"Two articles are copies of one another when the MinHash estimate of the Jaccard "
    f"similarity of their {SHINGLE}-word shingles is at least {THRESHOLD}; copies form one "
    f"group"
)
RULE = f"{COPIES}, and a group counts as one independent source."


def _signature(text: str) -> MinHash:
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    signature = MinHash(num_perm=PERMUTATIONS, seed=1)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return signature


def body_text(document: Document) -> str:
    return " ".join(
        document.text[p.start : p.end] for p in document.paragraphs if p.role in ("body", "heading")
    )


def groups(documents: list[Document]) -> dict[str, str]:
    """Document id -> group id (the first document of its group, by id)."""
    ordered = sorted(documents, key=lambda d: d.id)
    signatures = {d.id: _signature(body_text(d)) for d in ordered}
    index = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    found = Groups(d.id for d in ordered)
    for doc in ordered:
        for other in sorted(index.query(signatures[doc.id])):
            if signatures[doc.id].jaccard(signatures[other]) >= THRESHOLD:
                found.join(doc.id, other)
        index.insert(doc.id, signatures[doc.id])
    return found.roots()
