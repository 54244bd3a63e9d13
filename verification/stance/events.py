"""Whether a claim and a passage tell of the same event, and which of its facts agree or clash; pure.

A passage can only support a claim about the same event: the same place, the same time, the same
people, the same quantity of the same thing. The facts come from what the desk already finds:
names and dates (`verification.extraction.features`), numbers with their units
(`verification.search.features`), negation and denial words (`verification.stance.rules`). Each
fact that agrees or clashes is a short cue a reviewer can check against the two texts.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from verification.extraction import lexicons
from verification.extraction.attribution import sentence_attribution
from verification.extraction.features import sentence_features
from verification.extraction.tokens import Token, tokenize
from verification.search.features import Quantity, quantities

from .rules import DENIAL, IDIOMS, NEGATION


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A name after one of these (and at most two lowercase words: "in the recently liberated X") is a place.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|across|into|from|out\s+of|towards?"
    r"|visited|left|entered|reached|seized|captured|liberated|recaptured|retook|overran|stormed"
    r"|shelled|bombed|besieged|control\s+of)"
    r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
# "the Greek island of Evia", "the Malian town of Tessit": the noun says the name is a place.
_PLACE_NOUN_OF = re.compile(r"\b(?:town|city|village|island|region|province|district|county|port)\s+of\s+$")
# A verb in the past tense after a name follows a place ("A missile strike in Kyiv killed", "Police
# in Marseille arrested"), except where the name is a market or a publication ("Shares in Apple
# jumped", "published in Nature showed").
_NOT_PLACE_IN = re.compile(
    r"\b(?:shares?|stocks?|stakes?|investors?|investment|trading|sales|prices|published|listed)\s+(?:in|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# Words after a name that make it a place ("the Kharkiv oblast").
_PLACE_NOUNS = _words(
    """
    town city village region oblast province district county state capital
    """
)
# Lowercase words that may follow a place name; any other ("a Facebook post", "Russian troops")
# makes the name a modifier, not a place.
_AFTER_PLACE = _words(
    """
    on and where during after before was is were had has have when while in since
    """
)
_PAST_TENSE = re.compile(r"[a-z]{3,}ed$")
# A wire dateline opens a story with where it was filed: "LYON, France, Oct 6 -", "KYIV (Reuters) -".
# The town is in capitals, and a country, a date or an agency (no time: "UPDATE (14:30 GMT)")
# follows it, so "BREAKING -" is none.
_DATELINE = re.compile(
    r"(?:\A|\n\s*\n)\s*(?P<town>[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,3})"
    r"(?=,\s*[A-Z]|\s*\()"
    r"(?:,\s*(?P<country>[A-Z][a-z][\w’'.-]*(?:\s+[A-Z][a-z][\w’'.-]*){0,2})(?=,|\s*\(|\s+[-–—]))?"
    r"(?:,\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^)\d\n]{1,30}\))?\s*[-–—]{1,2}\s"
)
# Capitalised labels that open a story as a town opens a dateline: "BREAKING (AP) -", "ANALYSIS, Oct 6 -".
_SLUGS = _words(
    """
    update updated breaking exclusive watch analysis live opinion editorial correction feature review
    interview explainer video photos comment news urgent flash alert sport sports factbox updates
    markets world fact check press release
    """
)
# Endings of demonyms and adjectives of nationality, which are actors or modifiers, never places.
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an)s?$")
# Nouns that name who acts in news reports; "its troops" denies for "Russian troops".
_ACTOR_NOUNS = _words(
    """
    troops troop soldiers soldier forces army military police government officials ministry
    authorities regime militants fighters navy guard guards
    """
)
# A possessive names who acts through what it owns: "Russia's defence ministry" acts for Russia.
_ACTOR_NOUN_ALTERNATIVES = "|".join(sorted(_ACTOR_NOUNS))
_POSSESSOR = re.compile(rf"\b([A-Z][\w-]+)['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_ACTOR_NOUN_ALTERNATIVES})\b")
_VERBS = "|".join(sorted(lexicons.REPORTING_VERBS, key=len, reverse=True))
# A name right after or before a reporting verb speaks: "said Mr Zelensky", "Mr Zelensky said".
_SPEAKER = re.compile(rf"\b(?:{_VERBS})\s+((?:[A-Z][\w’'-]+\s*)+)|((?:[A-Z][\w’'-]+\s+)+)(?:{_VERBS})\b")
# Words never taken as what a quantity counts or as the act a claim asserts.
_NOT_CONTENT = (
    lexicons.FUNCTION_WORDS
    | lexicons.DETERMINERS
    | lexicons.REPORTING_VERBS
    | lexicons.HEDGE_WORDS
    | _words(
        """
    percent per cent said says reported were was is are be been being had has have also about
    around some nearly almost over under least most than rather instead
    """
    )
)
# Grave harms that "war crimes" or "atrocities" covers: a denial of war crimes denies torture.
_ATROCITIES = _words(
    """
    crime crimes torture tortured torturing genocide massacre atrocity atrocities killing
    killings killed murdered executed execution executions raped rape
    """
)
# A negation followed this closely by a number corrects the number, not the act ("not 64").
_NUMBER_AHEAD = re.compile(r"^\W*(?:\w+\W+)?(?:the\s+)?[-−]?\d")
# How many words after a negation it reaches: "have not committed war crimes".
_NEGATION_SCOPE = 8
# Words right before a figure that make it a bound, not a value: another value within it is no clash.
_BOUNDS = {
    "upper": re.compile(
        r"\b(?:as\s+(?:many|much|high|large|great)\s+as|up\s+to|at\s+most|no\s+more\s+than|fewer\s+than"
        r"|less\s+than|under|below)\s+(?:about\s+)?$"
    ),
    "lower": re.compile(
        r"\b(?:more\s+than|over|at\s+least|above|exceeding|upwards\s+of|in\s+excess\s+of)\s+(?:about\s+)?$"
    ),
    # "about $2 billion" is a rounded figure: another value close to it is the same one ("nearly"
    # and "almost" are not: they say on which side it lies).
    "about": re.compile(
        r"\b(?:about|around|roughly|approximately|some|an\s+estimated)\s+(?:[a-z]{0,3}\$|[£€¥₹])?$"
    ),
}
# "About" as what something concerns, not as a rounding: "questions about $2 billion".
_ABOUT_A_TOPIC = re.compile(
    r"\b(?:questions?|concerns?|talks?|talked|asked|worried|reports?|reported|complaints?|stor(?:y|ies)|details)"
    r"\s+about\s+\S*$"
)
# Words by which a report says that what it tells is not established: the story is reported, no
# side is taken ("discusses"). They speak of the report itself ("whether"), wherever they stand.
# "Alleged" alone, "under investigation", "not charged" and "not ruled out" are left out: they are
# as often about a side detail ("the alleged attacker was arrested", "the motive is under
# investigation", "no one has been charged" after an arrest).
UNCONFIRMED = re.compile(
    r"\b(?:could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)"
    r"|(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:independently\s+)?(?:verified|confirmed)"
    r"|(?:unconfirmed|unverified)\s+(?:reports?|claims?|rumou?rs?|accounts?\s+of)"
    r"|(?:is|was|are|were|remains?|still)\s+(?:unconfirmed|unverified)"
    r"|(?:trying|seeking)\s+to\s+establish\s+whether"
    r"|(?:investigating|examining|looking\s+into)\s+(?:the\s+)?(?:allegations?|claims?|reports?)"
    r"|(?:investigation|inquiry|probe)\s+into\s+(?:the\s+)?(?:alleged|possible|suspected)"
    r"|(?:has|have|had)\s+not\s+(?:yet\s+)?confirmed|too\s+early\s+to\s+(?:say|tell|determine)\s+whether"
    r"|could\s+not\s+(?:yet\s+)?(?:tell|say|establish|determine)\s+whether"
    r"|alleg(?:e|ed|es|ing|ations?)\s+that|suspected\s+(?:infection|case))\b",
    re.IGNORECASE,
)
# How far, as a share of the rounder figure, a figure one decimal finer may lie and state it
# (52.4% is "52 percent", 39.6% "40 percent"), and how far it may lie and not deny it (2.9 percent
# against "3 percent", "about 3 mm" against 3.2 mm; 1.5 percent against "2 percent" is another figure).
STATES_WITHIN, LEAVES_ROOM_WITHIN = 0.02, 0.1
# A figure given as "about" one value is stated by another this close ("about $2 billion" by $1.96
# billion) and denied by none within LEAVES_ROOM_WITHIN.
ABOUT_STATES_WITHIN = 0.05
# The same for a share, in percentage points ("about 60%" is 59.6%, leaves room for 58%).
ABOUT_STATES_POINTS, ABOUT_ROOM_POINTS = 0.5, 2.0
# Words a figure without a unit must share with the other's subject to count the same thing.
SHARED_FOR_UNITLESS = 2
# How many words before a number, and after it, say what it counts.
_BEFORE_NUMBER, _AFTER_NUMBER = 6, 3


@dataclass(frozen=True)
class Counted:
    """A number, what it counts, and whether the text says it is not so."""

    quantity: Quantity
    # The words around the number that say what it counts, in order: ("turnout", "election").
    subject: tuple[str, ...]
    negated: bool
    # "as many as 500" bounds from above, "more than 400" from below: "" for a figure as it is.
    bound: str = ""

    def allows(self, value: float) -> bool:
        """Return whether a bound figure leaves room for another value ("as high as 7,000" for 409)."""
        return (
            (self.bound == "upper" and value <= self.quantity.value)
            or (self.bound == "lower" and value >= self.quantity.value)
            or self.states(value, room=True)
        )

    def states(self, value: float, *, room: bool = False) -> bool:
        """Return whether a figure given as "about" one value is stated (with room: not denied) by another."""
        if self.bound != "about":
            return False
        gap = abs(value - self.quantity.value)
        if self.quantity.unit == "percent":
            # "Around 60%" is not 57.2%: a share is rounded in points, not in proportion.
            return gap <= (ABOUT_ROOM_POINTS if room else ABOUT_STATES_POINTS)
        return gap <= (LEAVES_ROOM_WITHIN if room else ABOUT_STATES_WITHIN) * abs(self.quantity.value)

    @property
    def label(self) -> str:
        """Return the number with the words of what it counts: "71.4% (turnout)"."""
        about = " ".join(self.subject[:4])
        unit = "" if self.quantity.unit in ("percent", "") else f" {self.quantity.unit}"
        return f"{self.quantity.written}{unit}" + (f" ({about})" if about else "")


@dataclass(frozen=True)
class EventCheck:
    """What a passage shares with a claim's event, where it differs, and whether it denies the claim."""

    agreeing: tuple[str, ...] = ()
    clashing: tuple[str, ...] = ()
    # Another place or another year: a passage about another event cannot support the claim.
    different_event: bool = False
    # The passage asserts the claim's figure for the same thing.
    figure_agrees: bool = False
    # It asserts the claim's figure and rejects another for the same thing ("15 people, not 9").
    figure_confirmed: bool = False
    # The passage gives another figure for the same thing, or says the claim's figure is not so.
    figure_clashes: bool = False
    # The cue of a denial of the claim's actor and act ("denies troops … war crimes"), or "".
    denial: str = ""
    # The cue when the claim reports a denial and the passage makes that denial, or "".
    echoes_denial: str = ""
    # Numbers of the passage about something else than the claim's ("81% (measles vaccination)").
    other_subjects: tuple[str, ...] = ()
    # The words by which the passage says what it reports is not established ("could not be
    # independently verified", "investigating allegations that"), or "".
    unconfirmed: str = ""

    @property
    def compatible(self) -> bool:
        """Return whether nothing rules out that claim and passage tell of the same event."""
        return not self.different_event


def name_key(name: str) -> str:
    """Return a name folded for comparison: lowercase, straight apostrophes, no possessive."""
    return name.lower().replace("’", "'").removesuffix("'s").strip(" .,'\"“”")


# Words that end a place's name without making it another place: "Sinai Peninsula" is Sinai.
_GEOGRAPHIC_ENDINGS = re.compile(r"\s+(?:peninsula|strip|region|province|district|oblast)$")


def same_name(a: str, b: str) -> bool:
    """Return whether two folded names are one: equal, or one a form of the other (Russia, Russian)."""
    a, b = _GEOGRAPHIC_ENDINGS.sub("", a) or a, _GEOGRAPHIC_ENDINGS.sub("", b) or b
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    common = len(shorter)
    return (
        len(shorter) >= 4 and longer.startswith(shorter[: max(4, common - 1)]) and len(longer) - common <= 3
    )


def _overlaps(left: Iterable[str], right: Iterable[str]) -> list[str]:
    right = list(right)
    return [a for a in left if any(same_name(a, b) for b in right)]


@functools.lru_cache(maxsize=1024)
def names(text: str) -> tuple[str, ...]:
    """Return the runs of capitalised words of text that name someone or something, folded."""
    found: list[str] = []
    for sentence in _sentences(text):
        found += [name_key(n) for n in sentence_features(sentence).cues.get("named_entity", [])]
    return tuple(dict.fromkeys(n for n in found if n))


@functools.lru_cache(maxsize=1024)
def places(text: str) -> tuple[str, ...]:
    """Return the names of text that stand as places ("in Bucha", "the Kharkiv oblast"), folded."""
    found: list[str] = []
    headline_cased = _headline_cased(text)
    for start, end in _name_spans(text):
        run = text[start:end]
        name = name_key(run)
        if start == 0 or not name or name in lexicons.MONTHS or name in lexicons.WEEKDAYS:
            continue
        if re.search(r"\d", run) or re.match(r"\s?\d", text[end:]):
            continue  # a formula or a model ("CO2", "CO 2 levels", "Boeing 737"), not a place
        before = text[max(0, start - 60) : start]
        words = run.split()
        size = next((k for k in range(len(words), 0, -1) if broad_place(" ".join(words[:k]))), 0)
        country = size == len(words)
        if 0 < size < len(words) and words[size].lower() not in lexicons.FUNCTION_WORDS:
            continue  # a country that qualifies what follows: "US McDonald's", "US Air Strike"
        if headline_cased:
            # In a headline's title case every word is capitalised ("Gather in Iran After Vote"):
            # only a country or a continent is sure to be a place.
            if size and _PLACE_BEFORE.search(before):
                found.append(name_key(" ".join(words[:size])))
            continue
        if run.isupper() and len(run) <= 4 and not country:
            continue  # an acronym ("PC", "ISIS") names an organisation or a thing
        if not country and _reads_as_demonym(name.split()[-1], text[end:]):
            continue  # "the Malian town of Tessit", "the Armenian capital", "translated into English,"
        if _stands_as_place(text[end:], before):
            found.append(name)
    return tuple(dict.fromkeys(found))


def _name_spans(text: str) -> Iterable[tuple[int, int]]:
    """Yield where each run of capitalised words starts and ends; a country's possessive ends one.

    "Myanmar's Sagaing region" and "Saudi Arabia's Riyadh" name the country and the town; "King's
    Lynn" and "St Mary's Hospital" are one name.
    """
    for match in re.finditer(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", text):
        start = match.start()
        for owner in re.finditer(r"[’']s\s+(?=[A-Z])", match.group(0)):
            cut = match.start() + owner.start()
            words = text[start:cut].split()
            if any(broad_place(" ".join(words[-size:])) for size in range(1, min(3, len(words)) + 1)):
                yield start, cut + 2
                start = match.start() + owner.end()
        yield start, match.end()


def demonym_country(word: str) -> str:
    """Return the key of the country a demonym names ("Americans": US), or ""."""
    word = name_key(word).removesuffix("s")
    if not _DEMONYM.search(word):
        return ""
    found = (
        broad_place(word[:-cut] + ending) for cut in (1, 2, 3, 4) for ending in ("", "a", "e", "y", "land")
    )
    return next((key for key in found if key), "")


def is_demonym(word: str) -> bool:
    """Return whether a word names a people: it ends as a demonym does and a country stands behind it.

    "Malian" (Mali), "Ukrainian" (Ukraine) and "European" are; "Kasese" and "Yerevan" are places.
    """
    return bool(demonym_country(word))


# Nationalities and languages that no country's name stands behind as the rule above finds it.
_OTHER_DEMONYMS = _words(
    """
    german english spanish turkish kurdish swedish danish irish british scottish welsh mexican lebanese
    portuguese norwegian belgian moroccan bosnian macedonian argentine arabic french dutch greek swiss
    thai filipino hebrew persian hindi urdu
    """
)


def _reads_as_demonym(word: str, after: str) -> bool:
    """Return whether a word stands for a people or a language, not a place.

    A country behind it ("Malian"), a known nationality or language ("English"), or a demonym's
    ending with nothing after it but a comma or "and" ("from Russian and Ukrainian sources"), where
    "Yerevan fired" and "the Kasese district" still read as places.
    """
    if is_demonym(word) or name_key(word) in _OTHER_DEMONYMS:
        return True
    found = re.match(r"\s*([a-z]+)?", after)
    return bool(_DEMONYM.search(name_key(word))) and (found.group(1) if found else None) in (
        None,
        "and",
        "or",
    )


def _stands_as_place(after: str, before: str) -> bool:
    """Return whether a name (not a demonym) stands as a place by the words before and after it."""
    found = re.match(r"\s*([a-z]+)?", after)
    next_word = found.group(1) if found else None
    if next_word in _PLACE_NOUNS or _PLACE_NOUN_OF.search(before):
        return True  # "the Kasese district", "the Greek island of Evia"
    if not _PLACE_BEFORE.search(before):
        return False
    return (
        next_word is None
        or next_word in _AFTER_PLACE
        or next_word in lexicons.REPORTING_VERBS
        or bool(_PAST_TENSE.match(next_word) and not _NOT_PLACE_IN.search(before))
    )


def _dateline_match(text: str) -> re.Match[str] | None:
    match = _DATELINE.search(text[:400])
    if not match or len(match.group("town")) < 3 or set(name_key(match.group("town")).split()) & _SLUGS:
        return None
    return match


def dateline(text: str) -> tuple[str, ...]:
    """Return the town and country of the dateline that opens text ("LYON, France, Oct 6 -"), folded."""
    match = _dateline_match(text)
    if not match:
        return ()
    town, country = (name_key(part or "") for part in (match.group("town"), match.group("country")))
    if country in lexicons.WEEKDAYS or country in _MONTH_NUMBERS:
        country = ""  # "KYIV, Monday (Reuters) -": a day in the country's place
    return tuple(part for part in (town, country) if part)


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
# Month names and the abbreviations datelines use ("Sept", "Oct"), by number.
_MONTH_NUMBERS = {
    name: number
    for number, month in enumerate(MONTH_NAMES, start=1)
    for name in (month.lower(), month[:3].lower())
} | {"sept": 9}
_MONTH_WORD = "(?:" + "|".join(MONTH_NAMES) + ")"
_MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A month that dates what a claim tells: "in March", "on March 3", "in March 2024", "3 March".
# "since January", "by June" and "until October" are spans, not the date of an event.
_CLAIM_MONTH = re.compile(
    rf"\b(?:in|on|during|early|late|mid-?|last|this|of)\s+(?:early\s+|late\s+|mid-?)?({_MONTH_WORD})\b(?![’'])"
    rf"|(?<!since\s)(?<!until\s)(?<!till\s)(?<!from\s)(?<!by\s)\b({_MONTH_WORD})\s+\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s+({_MONTH_WORD})\b"
)
# Any month a text names, in full or abbreviated with a day ("Mar. 3", "Sept 16").
_ANY_MONTH = re.compile(rf"\b(?:{_MONTH_WORD}\b(?!\s+[A-Z])|{_MONTH_ABBREVIATION}\s+\d{{1,2}}\b)")
# A month right before or after a number makes it a day ("March 3", "3 March").
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_WORD}|{_MONTH_ABBREVIATION})\s+$")
_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTH_WORD}|{_MONTH_ABBREVIATION})\b")
# A claim about what will be is not dated by when a story about it was filed.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:to|due|expected|set|scheduled)|plans?\s+to|next)\b", re.IGNORECASE
)
# How long after an event a story may be filed and still be the news of it ("October's inflation",
# published in November): a dateline further from the claim's month, or before it, is another event.
MONTHS_REPORTED_WITHIN = 2


def _months(text: str) -> set[int]:
    """Return the months that date what text tells ("in March", "on March 3"), as numbers."""
    return {
        _MONTH_NUMBERS[next(group for group in match.groups() if group).lower()]
        for match in _CLAIM_MONTH.finditer(text)
    }


def _month_clash(claim: str, passage: str, story: str) -> str:
    """Return a cue when the story was filed, by its dateline, long after the claim's month or before it.

    Nothing clashes where the claim tells what will be, or where the passage or its story names a
    month itself: a story of April may tell of March, and the model reads it.
    """
    claim_months = _months(claim)
    if not claim_months or _FUTURE.search(claim):
        return ""
    filed = None
    for text in (passage, story):
        match = _dateline_match(text)
        if _ANY_MONTH.search(text[match.end() :] if match else text):
            return ""
        if filed is None and match and match.group("month"):
            filed = _MONTH_NUMBERS.get(match.group("month").lower())
    if filed is None or any((filed - month) % 12 <= MONTHS_REPORTED_WITHIN for month in claim_months):
        return ""
    named = ", ".join(MONTH_NAMES[month - 1] for month in sorted(claim_months))
    return f"date: claim {named}, story filed in {MONTH_NAMES[filed - 1]}"


# Continents and regions that hold countries.
_REGIONS = _words(
    """
    europe asia africa oceania antarctica arctic
    """
) | {"north america", "south america", "latin america", "middle east", "central asia"}
# Names news uses for countries whose ISO name is another ("Russian Federation", "Viet Nam"), by ISO code.
_COUNTRY_ALIASES = {
    "russia": "RU", "britain": "GB", "great britain": "GB", "uk": "GB", "us": "US", "usa": "US",
    "america": "US", "vietnam": "VN", "laos": "LA", "czechia": "CZ", "turkey": "TR",
    "ivory coast": "CI", "south korea": "KR", "north korea": "KP", "holland": "NL", "burma": "MM",
}  # fmt: skip


@functools.cache
def _broad_places() -> dict[str, str]:
    """Return each folded name of a country (ISO 3166, by pycountry) or a region, with one key per place."""
    import pycountry

    found = {name: name for name in _REGIONS} | _COUNTRY_ALIASES
    for country in pycountry.countries:
        for name in (getattr(country, key, None) for key in ("name", "common_name", "official_name")):
            if name:
                # "Korea, Republic of" is "Korea" too; "Iran, Islamic Republic of" is "Iran".
                found.setdefault(name_key(name), country.alpha_2)
                found.setdefault(name_key(name.split(",")[0]), country.alpha_2)
    return found


def broad_place(place: str) -> str:
    """Return the key of a country or a continent (which holds many towns' events), or "" for a town."""
    return _broad_places().get(name_key(place).removeprefix("the "), "")


# A run of capitalised words, which may be a country's name ("New Zealand", "Iraq", "Britain's").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
# Words that begin a name of their own with a country's after them: "South America", "New Mexico".
_NAME_BEGINNINGS = frozenset(
    "north south east west northern southern eastern western new latin central".split()
)
# Peoples whose country the ending rule cannot find ("British", "Israeli", "Afghan").
_PEOPLE_COUNTRIES = {
    "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "irish": "IE", "french": "FR",
    "dutch": "NL", "german": "DE", "spanish": "ES", "swiss": "CH", "greek": "GR", "turkish": "TR",
    "thai": "TH", "filipino": "PH", "portuguese": "PT", "lebanese": "LB", "norwegian": "NO",
    "swedish": "SE", "danish": "DK", "mexican": "MX", "belgian": "BE", "moroccan": "MA",
    "israeli": "IL", "iraqi": "IQ", "pakistani": "PK", "saudi": "SA", "yemeni": "YE", "qatari": "QA",
    "kuwaiti": "KW", "emirati": "AE", "bangladeshi": "BD", "somali": "SO", "afghan": "AF", "czech": "CZ",
    "kazakh": "KZ", "uzbek": "UZ", "azerbaijani": "AZ", "nepali": "NP", "argentine": "AR",
    "north korean": "KP", "south korean": "KR",
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _countries_in(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Return (key, name, start, end) of each country text names as a run of capitals."""
    found: list[tuple[str, str, int, int]] = []
    for match in _CAPITALISED_RUN.finditer(text):
        words = name_key(match.group(0)).split()
        at_start = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in '.!?"“\n'
        # A sentence's first word joins the run after it ("In Iraq"), but "South America" is no US.
        shorter = " ".join(words[1:]) if at_start and words[0] not in _NAME_BEGINNINGS else ""
        end = match.start() + len(re.sub(r"['’]s$", "", match.group(0)))
        for name, start in (
            (" ".join(words), match.start()),
            (shorter, match.start() + match.group(0).find(" ") + 1),
        ):
            if name and place_level(name) == "country":
                found.append((broad_place(name), name, start, end))
                break
    return tuple(found)


def countries_named(text: str) -> dict[str, str]:
    """Return the countries text names as a run of capitals ("Reserve Bank of New Zealand"), by key."""
    return {key: name for key, name, _, _ in _countries_in(text)}


@functools.lru_cache(maxsize=1024)
def _peoples(text: str) -> frozenset[str]:
    """Return the countries of the peoples text names ("Americans", "British", "North Korean")."""
    runs = {name_key(m.group(0)) for m in _CAPITALISED_RUN.finditer(text)}
    words = runs | {word for run in runs for word in run.split()}
    found = {
        _PEOPLE_COUNTRIES.get(w) or _PEOPLE_COUNTRIES.get(w.removesuffix("s")) or demonym_country(w)
        for w in words
    }
    return frozenset(found - {"", None})


def _role(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the two words before and the two after a name: the part it plays ("Bank of", "'s central")."""
    before = text[:start].lower().split()[-2:]
    after = re.findall(r"['’]s\b|[\w-]+", text[end:].lower())[:2]
    return " ".join(before), " ".join(after)


def _country_clash(claim: str, passage: str, story: str) -> str:
    """Return a cue when passage gives another country the claim's country's part, never naming the claim's.

    "The Reserve Bank of Australia cut its rate" against "The Reserve Bank of New Zealand cut its
    rate", "certified Nepal as malaria-free" against "certified Bhutan as malaria-free".
    """
    mine = _countries_in(claim)
    if not mine:
        return ""
    # The claim's country named anywhere in the story, or its people ("Americans"), is the same story.
    # Each side is read once per story and text, not once per window: both are cached.
    told = {*countries_named(passage), *countries_named(story), *_peoples(passage), *_peoples(story)}
    if {key for key, *_ in mine} & told or _peoples(claim) & told:
        return ""
    roles = {
        part
        for _, _, start, end in mine
        for part in _role(claim, start, end)
        if content_stems(part) or "'s" in part
    }
    # The part may be given anywhere in the story: its lead tells whose bank cut its rate.
    for text in (passage, story):
        for _, name, start, end in _countries_in(text):
            if set(_role(text, start, end)) & roles:
                claimed = ", ".join(sorted({n for _, n, _, _ in mine}))
                return f"country: claim {claimed}, passage {name}"
    return ""


# Nouns that end the name of one event or body among many of its kind: "the Rotterdam Marathon" is
# not "the Frankfurt Marathon", nor "Cheltenham Borough Council" "Gloucestershire County Council".
_KIND_ENDINGS = frozenset(
    "marathon festival council society cup prize awards university hospital airport".split()
)


# Words of such a name that many of its kind share: "City Council", "World Cup", "Security Council".
_GENERIC_NAME_WORDS = frozenset(
    "city county borough district town national international world women's men's general security human "
    "rights royal state federal regional european african asian american grand".split()
)


def _kind_clash(claim: str, passage: str, story: str) -> str:
    """Return a cue when passage names another of a kind the claim names ("… Marathon"), never the claim's."""
    passage_names = names(passage)
    told = f"{passage} {story}".lower()
    for mine in names(claim):
        head, _, kind = mine.rpartition(" ")
        # Its own words, as a reader would find them again: "Al-Shifa Hospital" is "Shifa hospital".
        own = [word.removeprefix("al-") for word in head.split() if word not in _GENERIC_NAME_WORDS]
        if kind not in _KIND_ENDINGS or not own or any(len(word) < 4 or word in told for word in own):
            continue
        others = [
            name
            for name in passage_names
            if name.endswith(f" {kind}") and not mine.endswith(name) and not name.endswith(mine)
        ]
        if others:
            return f"name: claim {mine}, passage {others[0]}"
    return ""


def _same_places(left: Iterable[str], right: Iterable[str]) -> list[str]:
    """Return the places of left that right names too, by name or as one country ("UK", "Britain")."""
    right = list(right)
    keys = {broad_place(place) for place in right} - {""}
    return [a for a in left if any(same_name(a, b) for b in right) or broad_place(a) in keys]


def place_level(place: str) -> str:
    """Return "town" (or any place within a country), "country" or "region" (a continent)."""
    key = broad_place(place)
    if not key:
        return "town"
    return "country" if len(key) == 2 and key.isupper() else "region"


def _same_level(claim: Sequence[str], passage: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return the places of each side at the finest level both name (towns, countries, regions)."""
    for level in ("town", "country", "region"):
        mine = [p for p in claim if place_level(p) == level]
        theirs = [p for p in passage if place_level(p) == level]
        if mine and theirs:
            return mine, theirs
    return [], []


def _headline_cased(text: str) -> bool:
    """Return whether text is a headline in title case: no full stop, every longer word capitalised."""
    if re.search(r"[.!?][\"”’')\]]*\s*$", text):
        return False  # a sentence: its capitals are names (“The Rapid Support Forces seized …”)
    longer = re.findall(r"[A-Za-z][\w’']{3,}", text)[1:]
    words = [word for word in longer if word.lower() not in lexicons.FUNCTION_WORDS]
    # Title case capitalises the verbs too: one lowercase word ("seized") makes it a sentence.
    return len(words) >= 4 and all(word[0].isupper() for word in words)


# A calendar year that dates an event ("in 2014"). Spans and durations are left out: "since 1970",
# "by the 2030s", "from 2009 to 2018", "35 years", "a 60-year cycle" are shared by many events, and a
# claim about a trend is not another event because its evidence names another year in that span.
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
YEAR_SPAN = re.compile(rf"\b(?:between|from)\s+{_YEAR}\s*(?:and|to|until|through)\s+{_YEAR}\b", re.IGNORECASE)
EVENT_YEAR = re.compile(
    r"(?<![\w–—-])(?<!since )(?<!from )(?<!by )(?<!until )(?<!till )(?<!before )(?<!after )(?<!through )"
    rf"({_YEAR})(?![\w–—-])",
    re.IGNORECASE,
)


def _years(text: str) -> set[str]:
    """Return the calendar years that date events in text (not spans, decades, durations or forecasts)."""
    # A year still to come dates a forecast ("could vanish in 2035"), not what happened.
    this_year = datetime.datetime.now(tz=datetime.UTC).year
    return {year for year in EVENT_YEAR.findall(YEAR_SPAN.sub(" ", text)) if int(year) <= this_year}


def actors(text: str, *, without_speaker: bool = False) -> list[str]:
    """Return who acts in text: names that are not places, and actor nouns ("troops").

    Without the speaker, the claimant of each sentence ("said Mr Zelensky") is left out: who says
    that war crimes were committed is not who committed them. A denier is often its own actor
    ("Russia maintained its troops have not…"), so a passage keeps its speaker.
    """
    where = places(text)
    speakers: set[str] = set()
    if without_speaker:
        for sentence in _sentences(text):
            claimant = sentence_attribution(sentence).claimant
            speakers |= {name_key(w) for w in (claimant or "").split()}
            for match in _SPEAKER.finditer(sentence):
                speakers |= {name_key(w) for w in (match.group(1) or match.group(2) or "").split()}
    found = [
        n for n in names(text) if not any(same_name(n, p) for p in where) and not set(n.split()) & speakers
    ]
    found += [t.lower for t in tokenize(text) if t.lower in _ACTOR_NOUNS]
    found += [owner for m in _POSSESSOR.finditer(text) if (owner := name_key(m.group(1))) not in speakers]
    # A demonym names its country's actors too ("Russian troops" acts for Russia).
    found += [
        t.lower
        for t in tokenize(text)
        if t.is_capitalised and _DEMONYM.search(t.lower) and t.start > 0 and t.lower not in _NOT_CONTENT
    ]
    return list(dict.fromkeys(found))


def _stem(word: str) -> str:
    # Crude on purpose: the cue shows the words; the stem only decides whether they meet.
    return word.lower().replace("’", "'")[:5]


def content_stems(text: str, *, skip: Iterable[str] = ()) -> set[str]:
    """Return the stems of text's content words: no function words, numbers or names in skip."""
    skipped = {name_key(s) for s in skip}
    return {
        _stem(t.lower)
        for t in tokenize(text)
        if not t.has_digit
        and t.lower not in _NOT_CONTENT
        and len(t.lower) > 2
        and not any(same_name(t.lower, s) for s in skipped)
    }


def act_root(word: str) -> str:
    """Return the root of a verb form, so that one act meets itself in any tense: "hid", "hiding", "hide"."""
    word = lexicons.IRREGULAR_BASES.get(word, word)
    for suffix, replacement in (("ied", "y"), ("ies", "y")):
        if word.endswith(suffix) and len(word) > 4:
            return word.removesuffix(suffix) + replacement
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2 and not word.endswith("ss"):
            word = word.removesuffix(suffix)
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # the consonant doubled before a suffix: "hitting", "stopped"
    return word


# Acts news tells in other words: a plant "shut" is a plant closed, a firm "acquired" one bought.
_SAME_ACT = {"shut": "clos", "ax": "cut", "slash": "cut", "acqui": "buy", "purch": "buy", "quit": "leav"}
# Words after which a verb in its base form is what someone plans or will do: "plans to close",
# "intends to shut", "will cut", "is in talks to buy".
_INTENT = re.compile(
    r"\b(?:(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|prepar(?:es|ing)|in\s+talks)\s+to|will)\s+(?:be\s+)?([a-z]+)\b",
    re.IGNORECASE,
)
# A plan said not to be: the verb right after these words is what will not be done ("has no plans
# to close", "will not shut", "does not intend to sell"); "did not" and "never" tell of the past.
_PLAN_DENIED = re.compile(
    r"\b(?:no\s+(?:immediate\s+|current\s+)?plans?\s+to|no\s+intention\s+(?:of|to)|(?:will|would)\s+not|won[’']t"
    r"|(?:does|do)\s+not\s+(?:plan|intend)\s+to|(?:is|are)\s+not\s+(?:planning|going)\s+to)\W+(?:be\s+)?([a-z]+)"
    # A press report of the plan called wrong: "reports that it planned to close … were incorrect".
    r"|\breports?\s+(?:that\s+)?\w+\s+(?:planned|plans|intended|intends|was\s+planning|is\s+planning)\s+to\s+"
    r"([a-z]+)[^.;]{0,80}?\s+(?:were|was|are|is)\s+(?:incorrect|inaccurate|untrue|false|wrong|unfounded|baseless)",
    re.IGNORECASE,
)
# Words right after the act that narrow a denial to something else than the claim's plan.
_OTHER_SCOPE = re.compile(
    r"\b(?:other|others|further|more|beyond|additional|any\s+other|before)\b", re.IGNORECASE
)


def intended_acts(text: str) -> set[str]:
    """Return the stems of what text says someone plans, intends or will do ("plans to close": clos)."""
    return {
        same_act(word) for word in _INTENT.findall(text) if word.lower() not in _NOT_CONTENT and len(word) > 2
    }


def _plan_denial(claim: str, sentence: str, planned: set[str]) -> str:
    """Return the words by which sentence says the claim's plan will not be carried out, else ""."""
    objects = content_stems(claim.split(" to ", 1)[-1])
    for match in _PLAN_DENIED.finditer(sentence):
        verb = match.group(1) or match.group(2)
        if same_act(verb.lower()) not in planned:
            continue
        after = sentence[match.end() : match.end() + 60] if match.group(1) else match.group(0)
        # "will not cut more jobs", "no plans to close any other factories": another plan than the claim's.
        if match.group(1) and (_OTHER_SCOPE.search(after) or not content_stems(after) & objects):
            continue
        return match.group(0).strip()
    return ""


def same_act(word: str) -> str:
    """Return the stem by which an act meets itself in other forms and words ("shut" and "closed")."""
    stem = _stem(act_root(word))
    return _SAME_ACT.get(stem, stem)


def _after_negation(tokens: tuple[Token, ...], i: int, *, negated: bool) -> bool:
    """Return whether token i follows a negation or a denial word (the first, when negated says so)."""
    if i == 0:
        return negated
    before = tokens[i - 1].lower
    return bool(NEGATION.fullmatch(before) or DENIAL.fullmatch(before))


def act_stems(text: str, *, negated: bool = False) -> set[str]:
    """Return the stems of what text says was done: event verbs, past tenses and participles, grave harms.

    A word in -ing is an act only right after a denial or a negation ("denied using", "not
    hiding"): elsewhere it is as often a noun ("the building", "on Monday morning"). negated says
    that text is what a negation reaches, so its first word follows one.
    """
    tokens = tokenize(text)
    return {
        same_act(t.lower)
        for i, t in enumerate(tokens)
        if t.lower not in _NOT_CONTENT
        and not t.is_capitalised
        and (
            t.lower in lexicons.EVENT_VERBS
            or t.lower in lexicons.IRREGULAR_BASES
            or t.lower in _ATROCITIES
            or (len(t.lower) > 3 and t.lower.endswith("ed"))
            or (len(t.lower) > 4 and t.lower.endswith("ing") and _after_negation(tokens, i, negated=negated))
        )
    }


@functools.lru_cache(maxsize=1024)
def _says_no_unit(unit: str) -> bool:
    """Return whether the word read as a number's unit is a function word ("9 as", "9 in"), or none."""
    return not unit or unit in _NOT_CONTENT or unit + "s" in _NOT_CONTENT


def counted(text: str) -> tuple[Counted, ...]:
    """Return the numbers of text (years left out) with what each counts and whether it is negated."""
    tokens = tokenize(text)
    found: list[Counted] = []
    # A day of the month ("January 12", "12 January") dates; it counts nothing.
    numbers = [q for q in quantities(text) if q.unit != "year" and not _day_of_month(text, q)]
    for position, quantity in enumerate(numbers):
        after_range = position > 0 and _joins_range(text, numbers[position - 1], quantity)
        if position + 1 < len(numbers) and _joins_range(text, quantity, numbers[position + 1]):
            # "10 to 15 feet": the first end of a range counts in the second's unit.
            quantity = replace(quantity, unit=numbers[position + 1].unit)
        index = next((i for i, t in enumerate(tokens) if t.start >= quantity.start), len(tokens))
        after = index + 1
        # A unit written out ("61.7 percent in the Polish election", "15 people in Kharkiv") is read
        # past, as "61.7%" is: the words after it say what is counted.
        while after < min(len(tokens), index + 3) and _spells_unit(tokens[after].lower, quantity.unit):
            after += 1
        window = tokens[max(0, index - _BEFORE_NUMBER) : index] + tokens[after : after + _AFTER_NUMBER]
        subject = tuple(
            dict.fromkeys(
                t.lower
                for t in window
                if not t.has_digit
                and t.lower not in _NOT_CONTENT
                and t.lower.removesuffix("s") != quantity.unit
                and len(t.lower) > 2
            )
        )
        before = text[max(0, quantity.start - 25) : quantity.start].lower()
        negated = bool(re.search(r"\b(?:not|never|rather than|instead of|n't)\s+(?:\w+\s+)?$", before))
        earlier = [c for c in found if c.quantity.unit == quantity.unit]
        if negated and not earlier and found and _says_no_unit(quantity.unit):
            # "15 people, not 9 as first reported": the correction counts in the number it corrects.
            quantity = replace(quantity, unit=found[-1].quantity.unit)
            earlier = [found[-1]]
        if negated and earlier:
            # "71.4 percent, not the 64 percent reported": the correction counts the same thing.
            subject = tuple(dict.fromkeys((*earlier[-1].subject, *subject)))
        bound = next((side for side, words in _BOUNDS.items() if words.search(before)), "")
        if bound == "about" and _ABOUT_A_TOPIC.search(before):
            bound = ""  # "questions about $2 billion in aid": the figure is given as it is
        if found and after_range:
            # A range bounds both ways: another value inside it is no other figure.
            found[-1] = replace(found[-1], bound="lower")
            bound = "upper"
        found.append(Counted(quantity=quantity, subject=subject, negated=negated, bound=bound))
    return tuple(found)


def _day_of_month(text: str, quantity: Quantity) -> bool:
    """Return whether a number is the day of a date: a whole 1 to 31 right after or before a month."""
    if not 1 <= quantity.value <= 31 or not re.fullmatch(
        r"\d{1,2}", text[quantity.start : quantity.end].strip()
    ):
        return False
    before = _MONTH_BEFORE.search(text[max(0, quantity.start - 12) : quantity.start])
    return bool(before or _MONTH_AFTER.match(text[quantity.end : quantity.end + 12]))


def _spells_unit(word: str, unit: str) -> bool:
    """Return whether a word after a number spells its unit ("percent", "per cent", "people")."""
    return bool(unit) and (word.removesuffix("s") == unit or (unit == "percent" and word in ("per", "cent")))


def _joins_range(text: str, low: Quantity, high: Quantity) -> bool:
    """Return whether two numbers are the ends of one range ("10 to 15", "40–50", "between 3 and 4")."""
    between = text[low.end : high.start]
    if re.fullmatch(r"\s*(?:to|[-–—])\s*", between):
        return True
    return bool(re.fullmatch(r"\s*and\s*", between) and re.search(r"\bbetween\s+$", text[: low.start]))


def _same_thing(a: Counted, b: Counted) -> bool:
    shared = {_stem(w) for w in a.subject} & {_stem(w) for w in b.subject}
    if not a.quantity.unit or not b.quantity.unit:
        # A correction drops the unit ("is 126, not 1,260 as reported"): the claim's figure denied
        # counts what the words around it count. Any other figure without a unit ("$1m (£638,000)",
        # "iPhone 6") may count anything.
        return (
            a.quantity.value == b.quantity.value
            and (a.negated or b.negated)
            and a.quantity.unit != b.quantity.unit
            and len(shared) >= SHARED_FOR_UNITLESS
        )
    if a.quantity.unit != b.quantity.unit:
        return False
    if not a.subject or not b.subject:
        return True
    return bool(shared)


def _decimals(quantity: Quantity) -> int:
    match = re.search(r"\.(\d+)", quantity.written)
    return len(match.group(1)) if match else 0


def _rounds_to(precise: Quantity, coarse: Quantity, *, within: float) -> bool:
    """Return whether a figure written one decimal finer rounds (half up) to another, close by."""
    if _decimals(precise) != _decimals(coarse) + 1 or not coarse.value:
        return False  # written at one precision, two values are two figures (7.0 against 6.4)
    scale = 10 ** _decimals(coarse)
    same = math.floor(precise.value * scale + 0.5) == math.floor(coarse.value * scale + 0.5)
    return same and abs(precise.value - coarse.value) <= within * abs(coarse.value)


def _same_value(mine: Quantity, theirs: Quantity) -> bool:
    """Return whether the passage's figure states the claim's: the same, or the claim's rounded from it."""
    return mine.value == theirs.value or _rounds_to(theirs, mine, within=STATES_WITHIN)


def _leaves_room(mine: Quantity, theirs: Quantity) -> bool:
    """Return whether two figures may be one, either rounded ("about 3 mm" and 3.2 mm)."""
    return _rounds_to(mine, theirs, within=LEAVES_ROOM_WITHIN) or _rounds_to(
        theirs, mine, within=LEAVES_ROOM_WITHIN
    )


def _figures(claim: str, passage: str) -> tuple[list[str], list[str], list[str], bool, bool, bool]:
    """Return (agreeing, clashing, other-subject cues, agrees, clashes, confirmed) for the claim's numbers."""
    agreeing, clashing, others = [], [], []
    confirmed = False
    passage_counts = counted(passage)
    for mine in counted(claim):
        same = [p for p in passage_counts if _same_thing(mine, p)]
        asserted = [p for p in same if _same_value(mine.quantity, p.quantity) and not p.negated]
        denied = [p for p in same if _same_value(mine.quantity, p.quantity) and p.negated]
        if not asserted and not denied:
            # A figure given as "about" one value is stated by another close by, unless that value
            # itself is corrected ("38 people, not 40 as first reported").
            asserted = [p for p in same if mine.states(p.quantity.value) and not p.negated]
        rivals = [
            p
            for p in same
            if not _same_value(mine.quantity, p.quantity)
            and not _leaves_room(mine.quantity, p.quantity)
            and not p.negated
            and not mine.allows(p.quantity.value)
            and not p.allows(mine.quantity.value)
        ]
        corrected = [p for p in same if not _same_value(mine.quantity, p.quantity) and p.negated]
        if asserted and corrected:
            agreeing.append(f"same figure: {mine.label}, not {corrected[0].quantity.written}")
            confirmed = True
        elif asserted:
            agreeing.append(f"same figure: {mine.label}")
        elif denied:
            clashing.append(f"figure denied: passage says not {denied[0].quantity.written}")
        elif rivals:
            clashing.append(f"figure differs: claim {mine.label}, passage {rivals[0].quantity.written}")
        elif mine.subject:
            others += [
                f"{p.label} is not about {' '.join(mine.subject[:3])}"
                for p in passage_counts
                if p.quantity.unit == mine.quantity.unit and not _same_thing(mine, p)
            ]
    return agreeing, clashing, others, bool(agreeing), bool(clashing), confirmed


def _negations(sentence: str) -> list[tuple[str, str]]:
    """Return (word, the words it reaches) for each negation and denial of sentence."""
    cleaned = IDIOMS.sub(lambda m: " " * len(m.group(0)), sentence)
    found = []
    for match in NEGATION.finditer(cleaned):
        rest = cleaned[match.end() :]
        if _NUMBER_AHEAD.match(rest):
            continue  # "not 64 percent" corrects a figure; the figures say so
        found.append((match.group(0), " ".join(rest.split()[:_NEGATION_SCOPE])))
    for match in DENIAL.finditer(cleaned):
        # "denied that troops tortured", "reports of torture are false": the whole sentence is in reach.
        found.append((match.group(0), sentence))
    return found


def _denial(claim: str, passage: str) -> str:
    """Return a cue when a sentence of passage denies the claim's act by the claim's actor, else ""."""
    if NEGATION.search(IDIOMS.sub(" ", claim)) or DENIAL.search(claim) or _PLAN_DENIED.search(claim):
        return ""  # a negative claim is agreed with, not denied, by a denial; the model decides
    claim_actors = actors(claim, without_speaker=True)
    claim_acts = act_stems(claim)
    claim_planned = intended_acts(claim)
    claim_atrocities = {t.lower for t in tokenize(claim) if t.lower in _ATROCITIES}
    for sentence in _sentences(passage):
        # A plan is denied by its actor saying it will not be carried out ("has no plans to close").
        plan_denied = _plan_denial(claim, sentence, claim_planned) if claim_planned and claim_actors else ""
        planner = _overlaps(claim_actors, actors(sentence)) if plan_denied else []
        if planner:
            return f"denies the plan by {', '.join(planner[:2])}: “{plan_denied}”"
        for word, reach in _negations(sentence):
            acts = act_stems(reach, negated=reach != sentence) & claim_acts
            atrocity = claim_atrocities and {t.lower for t in tokenize(reach)} & _ATROCITIES
            if not acts and not atrocity:
                continue
            actor = _overlaps(claim_actors, actors(sentence)) if claim_actors else ["the act"]
            if not actor:
                continue
            who = f" by {', '.join(actor[:2])}" if claim_actors else ""
            # A denial word reaches its whole sentence, which is then the quote; a "not" its next words.
            quoted = reach if reach == sentence else f"{word.lower()} {reach}"
            return f"denies the act{who}: “{quoted.rstrip('.')}”"
    return ""


def _echoed_denial(claim: str, passage: str) -> str:
    """Return a cue when claim reports a denial ("Russia denies its troops…") that passage makes, else ""."""
    if not DENIAL.search(claim) or NEGATION.search(IDIOMS.sub(" ", claim)):
        return ""
    # What is denied is the claim without its denial word; a passage that denies it agrees.
    denied = DENIAL.sub(" ", claim)
    # "denied reports that it intends to shut": the denier is who would act, not a reporter.
    denied = re.sub(
        r"^(\W*\S+(?:\s+\S+)*?)\s+(?:reports?|claims?|suggestions?)\s+(?:that\s+)?", r"\1 ", denied
    )
    denied = " ".join(denied.replace(" that ", " ").split())
    found = _denial(denied, passage)
    return found.replace("denies the act", "makes the denial the claim reports", 1) if found else ""


def _unconfirmed(passage: str) -> str:
    """Return the words by which passage says what it reports is not established, or ""."""
    found = UNCONFIRMED.search(passage)
    return found.group(0) if found else ""


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if s.strip()]


def event_check(
    claim: str, passage: str, *, claim_context: str = "", passage_context: str = ""
) -> EventCheck:
    """Compare the event of claim with that of passage: places, years, names, figures and denial.

    A sentence often leaves its place to its article ("the room", "the town"): when claim or passage
    names no place, the places of its context (its document) stand in for them.
    """
    agreeing: list[str] = []
    clashing: list[str] = []
    claim_places = list(places(claim)) or list(places(claim_context))
    passage_own_places = list(places(passage))
    passage_places = passage_own_places or list(places(passage_context))
    if not passage_places:
        # A dateline says where a story was filed, which is mostly where it happened; it stands in
        # only where the story names no place, and not where it names the claim's place in passing.
        story = passage_context or passage
        filed = dateline(passage) or dateline(story)
        if not (claim_places and _overlaps(claim_places, names(story))):
            passage_places = list(filed)
    different = False
    # A town, its country and its continent may be one place (Bucha is in Ukraine, Greenland in
    # what a claim calls Europe): the two sides are compared at the finest level both name.
    claim_compared, passage_compared = _same_level(claim_places, passage_places)
    if claim_compared and passage_compared:
        # A place one side names the other may name in passing ("in Greenland, Antarctica and
        # globally"): any name of the other side that is the place is enough.
        common = (
            _same_places(passage_compared, claim_compared)
            or _overlaps(passage_compared, names(claim))
            or _overlaps(claim_compared, names(passage))
        )
        if common:
            agreeing.append(f"place: {', '.join(common[:3])}")
        else:
            different = True
            clashing.append(
                f"place: claim {', '.join(claim_compared[:2])}, passage {', '.join(passage_compared[:2])}"
            )
    claim_years, passage_years = _years(claim), _years(passage)
    if claim_years and passage_years:
        if claim_years & passage_years:
            agreeing.append(f"year: {', '.join(sorted(claim_years & passage_years))}")
        else:
            different = True
            clashing.append(
                f"year: claim {', '.join(sorted(claim_years))}, passage {', '.join(sorted(passage_years))}"
            )
    country_clash = "" if different or claim_places else _country_clash(claim, passage, passage_context)
    if country_clash:
        different = True
        clashing.append(country_clash)
    kind_clash = "" if different else _kind_clash(claim, passage, passage_context)
    if kind_clash:
        different = True
        clashing.append(kind_clash)
    month_clash = "" if different else _month_clash(claim, passage, passage_context)
    if month_clash:
        different = True
        clashing.append(month_clash)
    where = {*claim_places, *passage_places}
    shared_names = [n for n in _overlaps(names(claim), names(passage)) if n not in where]
    if shared_names:
        agreeing.append(f"names: {', '.join(shared_names[:3])}")
    figures_agree, figures_clash, others, agrees, clashes, confirmed = _figures(claim, passage)
    agreeing += figures_agree
    clashing += figures_clash
    denial = _denial(claim, passage)
    # A general denial names no place of its own; its article's place does not make it another event.
    if denial and not passage_own_places and different and not (claim_years and passage_years):
        different = False
        clashing = [c for c in clashing if not c.startswith(("place:", "country:", "name:"))]
    if denial:
        clashing.append(denial)
    echoes = "" if denial else _echoed_denial(claim, passage)
    if echoes:
        agreeing.append(echoes)
    return EventCheck(
        agreeing=tuple(dict.fromkeys(agreeing)),
        clashing=tuple(dict.fromkeys(clashing)),
        different_event=different,
        figure_agrees=agrees,
        figure_confirmed=confirmed,
        figure_clashes=clashes,
        denial=denial,
        echoes_denial=echoes,
        other_subjects=tuple(dict.fromkeys(others)),
        unconfirmed=_unconfirmed(passage),
    )
