"""Find who makes a claim (the claimant) and the words that hedge it.

Sentence rules read the speaker off the reporting verb: after a quote
('…," said Artem'), before the verb ("Ukrainian officials say"), or
"according to" someone.  Document rules then resolve what a sentence cannot
settle alone: pronoun subjects ("He claimed…"), documents that speak for
their author ('…," read the tweet') and quote-only paragraphs that continue
the previous speaker.  Claimants are returned exactly as written.
"""

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicons
from .records import Sentence
from .segmentation import quote_spans
from .tokens import ANALYSED_CHARS, Token, normalise, phrase_pattern, tokenize

# Titles and initials may keep their full stop inside a name ("Mr. Smith").
_TITLES = frozenset("Mr Mrs Ms Mx Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Maj St Rev Hon Jr Sr".split())
# Words that link two parts of one noun phrase ("Ministry of Defence", "officials in Kharkiv").
_LINKERS = frozenset({"of", "for", "in", "from", "at"})
_ARTICLES = frozenset({"the", "a", "an"})
# Punctuation that closes a quotation just before its speaker is named.
_QUOTE_END_PUNCTUATION = ",?!.…—–-"
# A quotation this many words long is speech rather than a scare quote.
SPEECH_MIN_WORDS = 4
# At most this many lowercase words make up a claimant's common-noun part.
MAX_LOWERCASE_WORDS = 3
# A pronoun is matched against at most this many earlier claimants.
ANTECEDENT_WINDOW = 8

_VERIFICATION_HEDGES = phrase_pattern(lexicons.VERIFICATION_DISCLAIMERS)
_HEDGE_PHRASES = phrase_pattern(lexicons.HEDGE_PHRASES)
_DESCRIBED_AS = re.compile(
    r"\bwhat\s+(?:\w+\s+){1,2}?(?:described|called|termed|characterised|characterized|labelled|labeled)\s+as\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """What one sentence says about its speaker, before document context."""

    claimant: str | None  # the noun phrase as written
    refers_back: bool = False  # a pronoun or a document: resolve against earlier claimants
    pronoun: str = ""  # the lowercase pronoun when refers_back; "" for a document noun
    speech: bool = False  # the sentence quotes someone


def find_hedges(sentence: str) -> tuple[str, ...]:
    """Return the hedging words and phrases of sentence, lowercased, in order."""
    sentence = sentence[:ANALYSED_CHARS]
    found: list[tuple[int, str]] = []
    for token in tokenize(sentence):
        if token.lower in lexicons.HEDGE_WORDS or token.lower in lexicons.HEDGING_VERBS:
            found.append((token.start, token.text.lower()))
    normalised = normalise(sentence)
    for pattern in (_HEDGE_PHRASES, _DESCRIBED_AS, _VERIFICATION_HEDGES):
        for match in pattern.finditer(normalised):
            found.append((match.start(), _clean(sentence[match.start() : match.end()])))
    found.sort()
    return tuple(dict.fromkeys(label for _, label in found))


def verification_hedge(sentence: str) -> str | None:
    """Return the "has not verified"-style phrase of sentence, or None."""
    match = _VERIFICATION_HEDGES.search(normalise(sentence))
    return _clean(sentence[match.start() : match.end()]) if match else None


def _clean(phrase: str) -> str:
    """Return phrase lowercased with its whitespace collapsed."""
    return " ".join(phrase.lower().split())


def sentence_attribution(sentence: str) -> Attribution:
    """Return the speaker of sentence as far as the sentence alone can tell."""
    sentence = sentence[:ANALYSED_CHARS]
    tokens = tokenize(sentence)
    quotes = quote_spans(sentence, 0, len(sentence))
    speech = _has_speech(sentence, quotes)
    found = (
        _postposed(sentence, tokens, quotes)
        or _trailing(sentence, tokens, quotes)
        or _preposed(sentence, tokens, quotes)
        or _according_to(sentence, tokens)
    )
    if found is None:
        return Attribution(None, speech=speech)
    return Attribution(found.claimant, found.refers_back, found.pronoun, speech)


def is_quote_only(sentence: str) -> bool:
    """Return whether sentence is a single quotation with nothing outside it."""
    stripped = sentence.strip()
    if not stripped or stripped[0] not in "“\"":
        return False
    quotes = quote_spans(stripped, 0, len(stripped))
    return len(quotes) == 1 and quotes[0] == (0, len(stripped) - 1)


def resolve_claimants(sentences: Sequence[Sentence]) -> list[str | None]:
    """Return the claimant of each sentence, resolving pronouns and quote continuations."""
    mentions = _Mentions()
    quote_speaker: str | None = None
    claimants: list[str | None] = []
    for sentence in sentences:
        if verification_hedge(sentence.text):
            # "Reuters could not independently confirm…" is the publisher on its own checks:
            # it makes no claim, and "he said" after it still means the last real speaker.
            claimants.append(None)
            continue
        found = sentence_attribution(sentence.text)
        quote_only = is_quote_only(sentence.text)
        claimant: str | None = None
        if found.refers_back:
            claimant = mentions.antecedent(found.pronoun)
            if claimant is None and not found.pronoun:
                claimant = found.claimant  # "the tweet" with nobody earlier to own it
        elif found.claimant:
            claimant = found.claimant
        elif quote_only and quote_speaker:
            # A paragraph that is only a quotation continues the last speaker.
            claimant = quote_speaker
        subject = _subject_mention(sentence.text)
        if subject and subject != claimant:
            mentions.add(subject)
        if claimant:
            mentions.add(claimant, pronoun=found.pronoun if found.refers_back else "")
        if claimant and (found.speech or quote_only):
            quote_speaker = claimant
        elif not quote_only:
            quote_speaker = None
        claimants.append(claimant)
    return claimants


class _Mentions:
    """The people and organisations named so far, nearest last, with what is known of each."""

    def __init__(self) -> None:
        self.names: list[str] = []
        # Gender ("f", "m") learned from the words or from a pronoun resolved to the name,
        # kept by the name's last word so that "Berg" inherits what "Mark Berg" showed.
        self.genders: dict[str, str] = {}

    def add(self, name: str, *, pronoun: str = "") -> None:
        """Record that name was mentioned (as the referent of pronoun, when given)."""
        self.names.append(name)
        key = _surname(name)
        gender = {"he": "m", "she": "f"}.get(pronoun) or _gender(name)
        if gender and key not in self.genders:
            self.genders[key] = gender

    def antecedent(self, pronoun: str) -> str | None:
        """Return the nearest earlier mention that pronoun can refer to."""
        if not self.names:
            return None
        window = self.names[-ANTECEDENT_WINDOW:]
        if pronoun in {"he", "she"}:
            wanted = "m" if pronoun == "he" else "f"
            for name in reversed(window):
                if not _is_group(name) and self.genders.get(_surname(name), wanted) == wanted:
                    return name
            # Nobody agrees: the latest person, or nobody rather than an organisation.
            return next((name for name in reversed(window) if not _is_group(name)), None)
        if pronoun in {"they", "it"}:
            groups = [name for name in reversed(window) if _is_group(name)]
            if pronoun == "it":
                # "It" is one organisation, rarely "officials".
                singular = [name for name in groups if not _is_plural(name)]
                groups = singular or groups
            return groups[0] if groups else self.names[-1]
        return self.names[-1]


def _surname(name: str) -> str:
    """Return the last word of a name, lowercased: the key that links "Berg" to "Mark Berg"."""
    return name.split()[-1].lower().replace("’", "'").removesuffix("'s")


def _gender(name: str) -> str | None:
    """Return "f" or "m" when a title, role word or given name shows it, else None."""
    words = [word.lower().strip(".,") for word in name.split()]
    for word in words:
        if word in lexicons.FEMALE_MARKERS or word in lexicons.FEMALE_NAMES:
            return "f"
        if word in lexicons.MALE_MARKERS or word in lexicons.MALE_NAMES:
            return "m"
    return None


def _subject_mention(sentence: str) -> str | None:
    """Return the named person or organisation a sentence opens with, when it opens with one."""
    tokens = tokenize(sentence[:ANALYSED_CHARS])
    first = _first_content(tokens)
    found = _leading(sentence, tokens)
    if found is None or found.refers_back or found.claimant is None:
        return None
    words = found.claimant.split()
    names = [word for index, word in enumerate(words) if word[:1].isupper() and (index or first == 0)]
    # A person is two capitalised words or a title and a name; an organisation a named group.
    if len(names) >= 2 or _gender(found.claimant) or (names and _is_group(found.claimant)):
        return found.claimant
    return None


def _is_plural(name: str) -> bool:
    """Return whether a claimant names several (a plural head noun: "officials", "Hospitals")."""
    head = name.split()[-1].lower()
    plural = head.endswith("s") and not head.endswith(("ss", "'s", "’s"))
    return plural and head not in lexicons.ORGANISATION_WORDS


def _is_group(name: str) -> bool:
    """Return whether a claimant names an organisation or several people."""
    words = name.split()
    if any(
        word.lower().removesuffix("’s").removesuffix("'s").strip(".,") in lexicons.GROUP_WORDS
        or word.lower().strip(".,") in lexicons.ORGANISATION_WORDS
        for word in words
    ):
        return True
    head = words[-1]
    if head.islower() and head.endswith("s") and not head.endswith("ss"):
        return True  # a plural common noun: "officials", "residents"
    # "The Telegraph": an article before a proper name marks an institution.
    return len(words) >= 2 and words[0].lower() == "the" and words[1][:1].isupper()


def _has_speech(sentence: str, quotes: list[tuple[int, int]]) -> bool:
    """Return whether sentence quotes speech rather than a scare-quoted phrase."""
    for open_at, close_at in quotes:
        if open_at == 0 or len(sentence[open_at + 1 : close_at].split()) >= SPEECH_MIN_WORDS:
            return True
    return False


def _inside(position: int, quotes: list[tuple[int, int]]) -> bool:
    """Return whether position lies inside one of the sorted, disjoint quotations."""
    slot = bisect.bisect_left(quotes, (position, -1)) - 1
    return slot >= 0 and quotes[slot][0] < position < quotes[slot][1]


def _is_reporting_verb(tokens: Sequence[Token], index: int, *, postposed: bool = False) -> bool:
    """Return whether tokens[index] is a reporting verb rather than a noun or a name."""
    token = tokens[index]
    if token.is_capitalised:
        return False
    if index > 0 and tokens[index - 1].lower in lexicons.DETERMINERS:
        return False  # "the claims", "a tweet"
    vocabulary = (
        lexicons.REPORTING_VERBS | lexicons.POSTPOSED_ONLY_VERBS if postposed else lexicons.REPORTING_VERBS
    )
    return token.lower in vocabulary


def _is_noun_like(token: Token) -> bool:
    """Return whether a lowercase word can be part of a claimant noun phrase."""
    word = token.lower
    if not word.replace("'", "").replace("-", "").isalpha():
        return False
    if word in lexicons.FUNCTION_WORDS or word in lexicons.DETERMINERS:
        return False
    if word in lexicons.IRREGULAR_PAST or word in lexicons.REPORTING_VERBS or word in lexicons.EVENT_VERBS:
        return False
    if word in lexicons.POSTPOSED_ONLY_VERBS:
        return False
    # Verbs and adverbs end noun phrases: "posted", "carrying", "reportedly".
    return not (word.endswith(("ed", "ing", "ly")) and len(word) > 4)


def _follows_article(tokens: Sequence[Token], index: int) -> bool:
    """Return whether tokens[index] is a content word right after an article."""
    # After "the", even a verb-looking word is a noun: "the tweet", "the report".
    word = tokens[index].lower
    return (
        index > 0
        and tokens[index - 1].lower in _ARTICLES
        and word.isalpha()
        and word not in lexicons.FUNCTION_WORDS
    )


def _is_name_word(token: Token) -> bool:
    """Return whether a capitalised word can be part of a name."""
    word = token.lower
    return (
        token.is_capitalised
        and word not in lexicons.FUNCTION_WORDS
        and word not in lexicons.SENTENCE_CONNECTIVES
        and word not in lexicons.DETERMINERS
    )


def _joined(sentence: str, left: Token, right: Token) -> bool:
    """Return whether nothing but a space (or a title's full stop) separates two words."""
    gap = sentence[left.end : right.start]
    if not gap.strip():
        return True
    return gap.strip() == "." and (left.text in _TITLES or (len(left.text) == 1 and left.text.isupper()))


@dataclass(frozen=True)
class _Found:
    """A claimant phrase found in one sentence."""

    claimant: str | None
    refers_back: bool = False
    pronoun: str = ""


def _phrase(sentence: str, tokens: Sequence[Token], first: int, last: int) -> _Found | None:
    """Return the claimant written as tokens[first..last], marking pronouns and documents."""
    if tokens[last].lower in lexicons.TIME_WORDS or tokens[last].has_digit:
        return None  # "on Wednesday denied": a time says when, never who
    if first == last and tokens[first].lower in lexicons.SUBJECT_PRONOUNS:
        return _Found(tokens[first].text, refers_back=True, pronoun=tokens[first].lower)
    text = sentence[tokens[first].start : tokens[last].end]
    if tokens[first].lower in _ARTICLES and tokens[last].lower in lexicons.DOCUMENT_NOUNS:
        return _Found(text, refers_back=True)  # "the tweet" speaks for whoever posted it
    return _Found(text)


def _np_forward(sentence: str, tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
    """Return (first, last) token indices of the noun phrase starting at tokens[first]."""
    if first >= len(tokens):
        return None
    if tokens[first].lower in lexicons.SUBJECT_PRONOUNS:
        return first, first
    index = first
    if tokens[index].lower in _ARTICLES:
        index += 1
    last = None
    lowercase_words = 0
    while index < len(tokens):
        token = tokens[index]
        if index > first and not _joined(sentence, tokens[index - 1], token):
            break
        if _is_name_word(token):
            last = index
        elif (
            token.lower in _LINKERS
            and last is not None
            and index + 1 < len(tokens)
            and (tokens[index + 1].is_capitalised or tokens[index + 1].lower in _ARTICLES)
        ):
            pass  # kept only if a name follows: "Ministry of Defence"
        elif token.lower in _ARTICLES and index > first and tokens[index - 1].lower in _LINKERS:
            pass
        elif (
            (_is_noun_like(token) or _follows_article(tokens, index))
            and lowercase_words < MAX_LOWERCASE_WORDS
            and (index == first or last is not None or tokens[first].lower in _ARTICLES)
        ):
            lowercase_words += 1
            last = index
        else:
            break
        index += 1
    if last is None:
        return None
    return first, last


def _np_backward(sentence: str, tokens: Sequence[Token], last: int) -> tuple[int, int] | None:
    """Return (first, last) token indices of the noun phrase ending at tokens[last]."""
    head = tokens[last]
    if not (_is_name_word(head) or _is_noun_like(head)):
        return None
    first = last
    lowercase_words = 0 if head.is_capitalised else 1
    index = last - 1
    while index >= 0:
        token, right = tokens[index], tokens[index + 1]
        if not _joined(sentence, token, right):
            break
        if _is_name_word(token):
            first = index
        elif token.lower in _ARTICLES:
            first = index
            # "the governor of the Kharkiv region": carry on past "of the".
            linker = index - 1
            if linker >= 1 and tokens[linker].lower in _LINKERS and _joined(sentence, tokens[linker], token):
                before = tokens[linker - 1]
                if _joined(sentence, before, tokens[linker]) and (
                    _is_name_word(before) or _is_noun_like(before)
                ):
                    first = linker - 1
                    lowercase_words += 0 if before.is_capitalised else 1
                    index = linker - 2
                    continue
            break
        elif (
            token.lower in _LINKERS
            and index >= 1
            and _joined(sentence, tokens[index - 1], token)
            and (_is_name_word(tokens[index - 1]) or _is_noun_like(tokens[index - 1]))
            and right.is_capitalised
        ):
            # "Officials in Kharkiv", "Ministry of Defence": a linker between names.
            first = index - 1
            lowercase_words += 0 if tokens[index - 1].is_capitalised else 1
            index -= 2
            continue
        elif _is_noun_like(token) and not right.is_capitalised and lowercase_words < MAX_LOWERCASE_WORDS:
            # A lowercase modifier of a lowercase head: "school principal".
            first = index
            lowercase_words += 1
        else:
            break
        index -= 1
    return first, last


def _first_content(tokens: Sequence[Token]) -> int:
    """Return the index of the first token that is not an opening connective."""
    index = 0
    while index < len(tokens) and tokens[index].lower in lexicons.SENTENCE_CONNECTIVES:
        index += 1
    return index


def _leading(sentence: str, tokens: Sequence[Token]) -> _Found | None:
    """Return the sentence's leading noun phrase as a claimant."""
    span = _np_forward(sentence, tokens, _first_content(tokens))
    return _phrase(sentence, tokens, *span) if span else None


def _postposed(sentence: str, tokens: Sequence[Token], quotes: list[tuple[int, int]]) -> _Found | None:
    """Return the speaker named after a quotation: '…," said Artem' or '…," he added'."""
    starts = [token.start for token in tokens]
    for _, close_at in quotes:
        mark = close_at - 1
        while mark >= 0 and sentence[mark].isspace():
            mark -= 1
        if mark < 0 or sentence[mark] not in _QUOTE_END_PUNCTUATION:
            continue
        start = bisect.bisect_right(starts, close_at)
        if start == len(tokens) or sentence[close_at + 1 : tokens[start].start].strip():
            continue
        if _is_reporting_verb(tokens, start, postposed=True):
            span = _np_forward(sentence, tokens, start + 1)
            found = _phrase(sentence, tokens, *span) if span else None
            if found:
                return found
            continue
        span = _np_forward(sentence, tokens, start)
        if not span:
            continue
        verb = span[1] + 1
        while verb < len(tokens) and tokens[verb].lower in lexicons.AUXILIARIES_AND_ADVERBS:
            verb += 1
        if verb < len(tokens) and _is_reporting_verb(tokens, verb, postposed=True):
            found = _phrase(sentence, tokens, *span)
            if found:
                return found
    return None


def _preposed(sentence: str, tokens: Sequence[Token], quotes: list[tuple[int, int]]) -> _Found | None:
    """Return the subject of the first reporting verb outside quotations."""
    verb = next(
        (
            index
            for index, token in enumerate(tokens)
            if not _inside(token.start, quotes) and _is_reporting_verb(tokens, index)
        ),
        None,
    )
    if verb is None:
        return None
    index = _before_time(tokens, verb - 1)
    while index >= 0:
        word = tokens[index].lower
        if word in lexicons.BE_FORMS:
            return None  # passive: "is said to be", "was reported"
        if word in lexicons.AUXILIARIES_AND_ADVERBS or (
            word.endswith("ly") and not tokens[index].is_capitalised
        ):
            index -= 1
            continue
        break
    if index < 0:
        return None
    word = tokens[index].lower
    if word in lexicons.COORDINATORS:
        # "… posted images and alleged that": the subject leads the sentence.
        return _leading(sentence, tokens)
    if word in lexicons.SUBJECT_PRONOUNS or word in {"who", "which", "that"}:
        if index == _first_content(tokens) and word in lexicons.SUBJECT_PRONOUNS:
            return _Found(tokens[index].text, refers_back=True, pronoun=word)
        # "… what they claimed to be": the pronoun points at the sentence's subject.
        return _leading(sentence, tokens)
    span = _np_backward(sentence, tokens, index)
    return _phrase(sentence, tokens, *span) if span else None


def _according_to(sentence: str, tokens: Sequence[Token]) -> _Found | None:
    """Return the source named in "according to X"."""
    for index in range(len(tokens) - 2):
        if tokens[index].lower == "according" and tokens[index + 1].lower == "to":
            span = _np_forward(sentence, tokens, index + 2)
            found = _phrase(sentence, tokens, *span) if span else None
            if found:
                return found
    return None


# Words of a time phrase that may stand between a speaker and the verb ("on Wednesday denied")
# or after the verb at the end of a sentence ("officials said on Monday").
_TIME_LINKERS = frozenset({"on", "last", "this", "early", "late", "earlier", "later", "in", "at"})


def _before_time(tokens: Sequence[Token], index: int) -> int:
    """Return index moved back past a time phrase that ends there ("on Wednesday", "last week")."""
    end = index
    while index >= 0 and (
        tokens[index].lower in lexicons.TIME_WORDS
        or tokens[index].lower in _TIME_LINKERS
        or tokens[index].has_digit
    ):
        index -= 1
    # Only a phrase with a time word in it is a time: "12 drones" is an object, not a date.
    if any(tokens[position].lower in lexicons.TIME_WORDS for position in range(index + 1, end + 1)):
        return index
    return end


def _trailing(sentence: str, tokens: Sequence[Token], quotes: list[tuple[int, int]]) -> _Found | None:
    """Return the speaker of a closing ", officials said on Monday." outside quotations."""
    # Walk back from the end past a time phrase to the last reporting verb.
    verb = len(tokens) - 1
    while verb >= 0 and (
        tokens[verb].lower in lexicons.TIME_WORDS
        or tokens[verb].lower in _TIME_LINKERS
        or tokens[verb].has_digit
        or tokens[verb].lower in {"a", "statement", "interview", "briefing"}
    ):
        verb -= 1
    if verb < 1 or _inside(tokens[verb].start, quotes) or not _is_reporting_verb(tokens, verb):
        return None
    index = verb - 1
    while index >= 0 and tokens[index].lower in lexicons.AUXILIARIES_AND_ADVERBS:
        index -= 1
    if index < 0:
        return None
    span = _np_backward(sentence, tokens, index)
    if span is None or span[0] == 0:
        return None  # the whole sentence is "X said": the ordinary rules read it
    if not sentence[tokens[span[0] - 1].end : tokens[span[0]].start].strip().endswith(","):
        return None
    return _phrase(sentence, tokens, *span)
