"""The CSL-JSON vocabulary (CSL 1.0.2 input schema) and the item-type tables of BibTeX, BibLaTeX,
RIS and Web of Science.

The type tables follow what pandoc and Zotero do, so that a file exported here and read by them
(or the other way round) keeps its kind of source.
"""
from __future__ import annotations

TYPES = frozenset(
    "article article-journal article-magazine article-newspaper bill book broadcast chapter "
    "classic collection dataset document entry entry-dictionary entry-encyclopedia event figure "
    "graphic hearing interview legal_case legislation manuscript map motion_picture "
    "musical_score pamphlet paper-conference patent performance periodical "
    "personal_communication post post-weblog regulation report review review-book software "
    "song speech standard thesis treaty webpage".split()
)

NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator "
    "director editor editorial-director executive-producer guest host interviewer illustrator "
    "narrator organizer original-author performer producer recipient reviewed-author "
    "script-writer series-creator translator".split()
)

DATE_VARIABLES = frozenset("accessed available-date event-date issued original-date submitted".split())

# Variables the schema allows as a string or a number.
NUMBER_VARIABLES = frozenset(
    "chapter-number citation-number collection-number edition first-reference-note-number "
    "issue locator number number-of-pages number-of-volumes page page-first part printing "
    "supplement volume".split()
)

STRING_VARIABLES = frozenset(
    "citation-key language journalAbbreviation shortTitle abstract annote archive "
    "archive_collection archive_location archive-place authority call-number citation-label "
    "collection-title container-title container-title-short dimensions division DOI event "
    "event-title event-place genre ISBN ISSN jurisdiction keyword medium note original-publisher "
    "original-publisher-place original-title part-title PMCID PMID publisher publisher-place "
    "references reviewed-genre reviewed-title scale section source status title title-short URL "
    "version volume-title volume-title-short year-suffix".split()
)

NAME_NAME_PARTS = frozenset(
    "family given dropping-particle non-dropping-particle suffix comma-suffix static-ordering "
    "literal parse-names".split()
)

# Language names as babel (biblatex `langid`), RIS and Web of Science write them -> BCP 47 code.
_LANGUAGE_BY_NAME = {
    "english": "en", "american": "en-US", "usenglish": "en-US", "british": "en-GB",
    "ukenglish": "en-GB", "german": "de", "ngerman": "de", "austrian": "de-AT",
    "naustrian": "de-AT", "swissgerman": "de-CH", "french": "fr", "italian": "it",
    "spanish": "es", "portuguese": "pt", "brazilian": "pt-BR", "dutch": "nl", "latin": "la",
    "greek": "el", "russian": "ru", "ukrainian": "uk", "polish": "pl", "czech": "cs",
    "swedish": "sv", "danish": "da", "norwegian": "nb", "finnish": "fi", "turkish": "tr",
    "arabic": "ar", "hebrew": "he", "japanese": "ja", "chinese": "zh", "korean": "ko",
}


def language_code(name: str) -> str:
    """The BCP 47 code for a language name ("ngerman", "English"); the text itself if unknown."""
    return _LANGUAGE_BY_NAME.get(name.strip().lower(), name.strip())


# ---- BibTeX and BibLaTeX --------------------------------------------------------------------

# Entry type (lower case) -> CSL type. @article is refined by `entrysubtype` in bibtex.py.
CSL_TYPE_BY_BIB_TYPE = {
    "article": "article-journal",
    "book": "book", "mvbook": "book", "bookinbook": "chapter", "booklet": "pamphlet",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "commentary": "book",
    "inbook": "chapter", "incollection": "chapter", "suppbook": "chapter",
    "suppcollection": "chapter",
    "inproceedings": "paper-conference", "conference": "paper-conference",
    "inreference": "entry-encyclopedia",
    "manual": "book", "report": "report", "techreport": "report",
    "thesis": "thesis", "phdthesis": "thesis", "mastersthesis": "thesis",
    "online": "webpage", "www": "webpage", "electronic": "webpage",
    "patent": "patent", "periodical": "periodical", "suppperiodical": "article-journal",
    "unpublished": "manuscript", "dataset": "dataset", "software": "software",
    "review": "review", "artwork": "graphic", "image": "graphic", "audio": "song",
    "music": "song", "movie": "motion_picture", "video": "motion_picture",
    "performance": "performance", "standard": "standard", "letter": "personal_communication",
    "jurisdiction": "legal_case", "legislation": "legislation", "legal": "treaty",
    "misc": "document",
}

# Entry types that only group other entries: they are not sources of their own.
BIB_GROUPING_TYPES = frozenset({"set", "xdata"})

BIBLATEX_TYPE_BY_CSL_TYPE = {
    "article": "article", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "book": "book", "chapter": "incollection",
    "paper-conference": "inproceedings", "entry": "inreference",
    "entry-dictionary": "inreference", "entry-encyclopedia": "inreference",
    "report": "report", "thesis": "thesis", "webpage": "online", "post": "online",
    "post-weblog": "online", "patent": "patent", "periodical": "periodical",
    "manuscript": "unpublished", "dataset": "dataset", "software": "software",
    "pamphlet": "booklet", "collection": "collection", "review": "review",
    "review-book": "review", "graphic": "artwork", "song": "audio",
    "motion_picture": "movie", "performance": "performance", "standard": "standard",
    "personal_communication": "letter", "legal_case": "jurisdiction",
    "legislation": "legislation", "bill": "legislation", "treaty": "legal",
}

BIBTEX_TYPE_BY_CSL_TYPE = {
    "article": "article", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "review": "article", "review-book": "article",
    "book": "book", "collection": "book", "periodical": "book", "chapter": "incollection",
    "entry": "incollection", "entry-dictionary": "incollection",
    "entry-encyclopedia": "incollection", "paper-conference": "inproceedings",
    "report": "techreport", "thesis": "phdthesis", "manuscript": "unpublished",
    "pamphlet": "booklet",
}

# `entrysubtype` of @article -> CSL type (biblatex's own values, and pandoc's reading of them).
CSL_TYPE_BY_ARTICLE_SUBTYPE = {"magazine": "article-magazine", "newspaper": "article-newspaper"}


def csl_type_of_bib_entry(entry_type: str, subtype: str = "", linked: bool = False) -> str:
    """The CSL type of a BibTeX/BibLaTeX entry: its entry type, refined by ``entrysubtype``
    (biblatex's magazine/newspaper on @article, or a CSL type name, which the export writes when
    the entry type cannot say the type: an interview, a post, a bill…). ``linked``: a @misc whose
    ``howpublished`` is a ``\\url{…}``, classic BibTeX's web page.

    The export asks the same question to decide whether an entry needs a subtype, so writing
    and reading cannot drift apart."""
    entry_type, subtype = entry_type.strip().lower(), subtype.strip().lower()
    if entry_type == "article" and subtype in CSL_TYPE_BY_ARTICLE_SUBTYPE:
        return CSL_TYPE_BY_ARTICLE_SUBTYPE[subtype]
    if subtype in TYPES:
        return subtype
    if entry_type == "article":
        return "article-journal"
    if entry_type == "misc" and linked:
        return "webpage"
    return CSL_TYPE_BY_BIB_TYPE.get(entry_type, "document")


# ---- RIS ------------------------------------------------------------------------------------

CSL_TYPE_BY_RIS_TYPE = {
    "JOUR": "article-journal", "EJOUR": "article-journal", "INPR": "article-journal",
    "JFULL": "periodical", "SER": "periodical", "ABST": "article",
    "NEWS": "article-newspaper", "MGZN": "article-magazine",
    "ELEC": "webpage", "WEB": "webpage", "ICOMM": "webpage", "BLOG": "post-weblog",
    "RPRT": "report", "GOVDOC": "report",
    "BOOK": "book", "EBOOK": "book", "EDBOOK": "book",
    "CHAP": "chapter", "ECHAP": "chapter",
    "CONF": "paper-conference", "CPAPER": "paper-conference",
    "THES": "thesis", "UNPB": "manuscript", "MANSCPT": "manuscript", "PAT": "patent",
    "DATA": "dataset", "DBASE": "dataset", "AGGR": "dataset", "COMP": "software",
    "MAP": "map", "ART": "graphic", "FIGURE": "figure", "SLIDE": "graphic", "CHART": "graphic",
    "SOUND": "song", "MUSIC": "musical_score", "VIDEO": "motion_picture",
    "MPCT": "motion_picture", "ADVS": "motion_picture", "MULTI": "motion_picture",
    "CASE": "legal_case", "STAT": "legislation", "LEGAL": "regulation", "BILL": "bill",
    "HEAR": "hearing", "PCOMM": "personal_communication", "ENCYC": "entry-encyclopedia",
    "DICT": "entry-dictionary", "STAND": "standard", "PAMP": "pamphlet",
    "CLSWK": "classic", "ANCIENT": "classic", "GEN": "document", "CTLG": "document",
    "EQUA": "document", "GRANT": "document",
}

# Type names spelled out, as EndNote, Citavi and others write them instead of the codes.
RIS_TYPE_BY_NAME = {
    "journal article": "JOUR", "article": "JOUR", "electronic article": "EJOUR",
    "newspaper article": "NEWS", "magazine article": "MGZN", "web page": "ELEC",
    "webpage": "ELEC", "blog": "BLOG", "blog post": "BLOG", "report": "RPRT",
    "book": "BOOK", "edited book": "EDBOOK", "electronic book": "EBOOK",
    "book section": "CHAP", "book chapter": "CHAP", "conference paper": "CPAPER",
    "conference proceedings": "CONF", "thesis": "THES", "dissertation": "THES",
    "unpublished work": "UNPB", "manuscript": "MANSCPT", "patent": "PAT", "dataset": "DATA",
    "computer program": "COMP", "map": "MAP", "generic": "GEN",
}

RIS_TYPE_BY_CSL_TYPE = {
    "article": "GEN", "article-journal": "JOUR", "article-newspaper": "NEWS",
    "article-magazine": "MGZN", "webpage": "ELEC", "post": "ELEC", "post-weblog": "BLOG",
    "report": "RPRT", "book": "BOOK", "collection": "EDBOOK", "chapter": "CHAP",
    "paper-conference": "CPAPER", "thesis": "THES", "manuscript": "UNPB", "patent": "PAT",
    "dataset": "DATA", "software": "COMP", "map": "MAP", "graphic": "ART", "figure": "FIGURE",
    "song": "SOUND", "musical_score": "MUSIC", "motion_picture": "MPCT", "broadcast": "VIDEO",
    "legal_case": "CASE", "legislation": "STAT", "regulation": "LEGAL", "bill": "BILL",
    "hearing": "HEAR", "personal_communication": "PCOMM", "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT", "standard": "STAND", "pamphlet": "PAMP", "periodical": "JFULL",
    "classic": "CLSWK",
}

# ---- Web of Science (PT = publication type, DT = document type) ----------------------------

CSL_TYPE_BY_WOS_PT = {"J": "article-journal", "B": "book", "S": "book", "P": "patent",
                      "C": "paper-conference"}
CSL_TYPE_BY_WOS_DT = {"proceedings paper": "paper-conference", "book chapter": "chapter",
                      "book": "book", "news item": "article-newspaper"}
