"""CSL item types as a reader names them ("article-newspaper" is a "Newspaper article")."""
from __future__ import annotations

from desktop_app.formats.csl_types import TYPES

_NAMES = {
    "article": "Article", "article-journal": "Journal article", "article-magazine": "Magazine article",
    "article-newspaper": "Newspaper article", "bill": "Bill", "book": "Book", "broadcast": "Broadcast",
    "chapter": "Book chapter", "classic": "Classic work", "collection": "Collection", "dataset": "Dataset",
    "document": "Document", "entry": "Entry", "entry-dictionary": "Dictionary entry",
    "entry-encyclopedia": "Encyclopedia entry", "event": "Event", "figure": "Figure", "graphic": "Image",
    "hearing": "Hearing", "interview": "Interview", "legal_case": "Legal case", "legislation": "Legislation",
    "manuscript": "Manuscript", "map": "Map", "motion_picture": "Film or video", "musical_score": "Musical score",
    "pamphlet": "Pamphlet", "paper-conference": "Conference paper", "patent": "Patent", "performance": "Performance",
    "periodical": "Periodical", "personal_communication": "Personal communication", "post": "Social media post",
    "post-weblog": "Blog post", "regulation": "Regulation", "report": "Report", "review": "Review",
    "review-book": "Book review", "software": "Software", "song": "Recording", "speech": "Speech",
    "standard": "Standard", "thesis": "Thesis", "treaty": "Treaty", "webpage": "Web page",
}


def type_name(csl_type: str | None) -> str:
    if not csl_type:
        return ""
    return _NAMES.get(csl_type) or csl_type.replace("_", " ").replace("-", " ").capitalize()


def types_by_name() -> list[tuple[str, str]]:
    """Every CSL type as (name, type), in the order of their names."""
    return sorted(((type_name(t), t) for t in TYPES), key=lambda pair: pair[0].casefold())
