"""Closed vocabularies that the code branches on.

Data tables are checked against these enums when they are loaded, so a typo in
a CSV row fails loudly instead of silently producing an unknown value.
"""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """The sixteen PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


#: Types whose two parties act together, so direction does not matter when
#: events are matched or clustered.
RECIPROCAL_TYPES = frozenset({EventType.CONSULT, EventType.AGREE, EventType.COOPERATE})


class Factuality(StrEnum):
    """How sure the text is that an event happened (DESIGN.md)."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    UNVERIFIED = "unverified"
    DENIED = "denied"
    NEGATED = "negated"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"


class SectionRole(StrEnum):
    """The role of a block of an article; only some roles are coded."""

    TITLE = "title"
    BULLET = "bullet"
    BODY = "body"
    QUOTE = "quote"
    CAPTION = "caption"
    HEADING = "heading"


#: Sections whose sentences may hold events.
CODED_ROLES = frozenset({SectionRole.TITLE, SectionRole.BULLET, SectionRole.BODY, SectionRole.QUOTE})


class Sector(StrEnum):
    """CAMEO-style actor sectors."""

    GOV = "GOV"
    MIL = "MIL"
    LEG = "LEG"
    JUD = "JUD"
    COP = "COP"
    REB = "REB"
    OPP = "OPP"
    PTY = "PTY"
    BUS = "BUS"
    MED = "MED"
    NGO = "NGO"
    CVL = "CVL"
    IGO = "IGO"
    UNK = "UNK"


class Granularity(StrEnum):
    """How precise a resolved date is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"


class DateMethod(StrEnum):
    """How an event date was obtained."""

    EXPLICIT = "explicit"
    RELATIVE = "relative"
    WEEKDAY = "weekday"
    PUBLICATION = "publication"
    UNKNOWN = "unknown"


class DocStatus(StrEnum):
    """What happened to a document in a run."""

    CODED = "coded"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"
    ERROR = "error"
