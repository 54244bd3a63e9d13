"""Training pairs of the desk's own kinds of evidence, written from templates; pure.

FNC-1's rumour headlines teach a model that most related text "discusses"; the desk's evidence is
mostly something else: a denial by the actor, a claim that reports a denial, a figure corrected
in the same sentence, the same act in another place or on another date. Each event below is
turned into one pair of each kind, so the model sees every kind on events of every sort. None of
the events is in the seeds or the desk's check cases; those stay a test of what was learnt.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import StancePair


@dataclass(frozen=True)
class Act:
    """Someone did something to something, somewhere, at some time; and who would deny it."""

    actor: str
    act: str  # past tense
    done: str  # past participle
    target: str
    place: str
    date: str
    other_place: str
    other_date: str
    source: str
    denier: str
    aftermath: str


@dataclass(frozen=True)
class Figure:
    """A counted thing and its value; a wrong value once reported; another count nearby."""

    subject: str
    value: str
    wrong: str
    other_value: str
    source: str
    neighbour: str


ACTS = (
    Act("Russian forces", "shelled", "shelled", "the central railway station", "Kramatorsk", "on Friday",
        "Zaporizhzhia", "in late September", "the regional governor", "Russia's defence ministry",
        "killing at least 50 people waiting to leave"),
    Act("Israeli aircraft", "struck", "struck", "a school run by the United Nations", "Khan Younis",
        "on Tuesday", "Beit Lahia", "last March", "the local health ministry", "The Israeli military",
        "where hundreds of displaced families were sheltering"),
    Act("police", "fired tear gas at", "fired tear gas at", "student protesters", "Dhaka", "on Sunday",
        "Chittagong", "two years ago", "witnesses", "The city's police chief",
        "injuring dozens, according to hospital staff"),
    Act("the army", "detained", "detained", "the opposition leader", "Niamey", "on Wednesday night",
        "Bamako", "in 2021", "his party", "A military spokesman",
        "hours after he called for protests"),
    Act("Houthi rebels", "attacked", "attacked", "a cargo ship", "the Red Sea off Hodeidah", "on Monday",
        "the Gulf of Aden", "in January", "the British maritime agency", "A Houthi spokesman",
        "setting it on fire"),
    Act("government troops", "burned", "burned", "a village", "Rakhine state", "last week",
        "Shan state", "in 2017", "residents who fled", "The military government",
        "forcing about 2,000 people to flee"),
    Act("hackers", "shut down", "shut down", "the hospital's computer systems", "Zagreb", "on Monday",
        "Split", "in 2021", "the health minister", "The hospital's director",
        "forcing surgeons to postpone operations"),
    Act("the company", "dumped", "dumped", "untreated waste", "the Citarum river", "for a decade",
        "Lake Toba", "in the 1990s", "environmental inspectors", "The company's chief executive",
        "poisoning fish downstream"),
    Act("the ruling party", "paid", "paid", "voters", "Accra's Nima district", "before the vote",
        "Kumasi", "in the 2020 election", "election observers", "A party spokesman",
        "handing out cash at polling stations"),
    Act("security forces", "killed", "killed", "six demonstrators", "Khartoum", "on Thursday",
        "Omdurman", "in June 2019", "a doctors' committee", "The interior ministry",
        "as tens of thousands marched against military rule"),
    Act("a drone", "hit", "hit", "an oil refinery", "Novokuibyshevsk", "overnight",
        "Ryazan", "last summer", "the regional governor", "The Ukrainian military",
        "starting a fire that burned for hours"),
    Act("the mayor", "awarded", "awarded", "a road contract to his brother's firm", "Constanta",
        "in 2022", "Brasov", "a decade earlier", "prosecutors", "The mayor's office",
        "without a public tender"),
    Act("border guards", "pushed back", "pushed back", "a boat carrying migrants", "the Aegean off Lesbos",
        "on Saturday", "the coast of Crete", "in 2020", "a rescue charity", "The coast guard",
        "leaving 40 people adrift for hours"),
    Act("the junta", "shut down", "shut down", "the country's last independent radio station",
        "Ouagadougou", "this week", "Bobo-Dioulasso", "in 2015", "press freedom groups",
        "The communications minister", "after it aired an interview with a rebel leader"),
    Act("the factory", "employed", "employed", "children as young as 12", "Tiruppur", "last year",
        "Dhaka's Savar district", "in 2013", "labour inspectors", "The factory's owners",
        "to cut and sew garments for export"),
    Act("police", "arrested", "arrested", "a television reporter", "Srinagar", "on Saturday",
        "Jammu", "in 2019", "her employer", "The city's police commissioner",
        "after she filmed a protest"),
    Act("armed men", "kidnapped", "kidnapped", "more than 200 schoolchildren", "Kuriga in Kaduna state",
        "on Thursday morning", "Chibok", "in 2014", "a local official", "The state government",
        "marching them into the forest"),
    Act("the minister", "used", "used", "a government jet for a family holiday", "Mallorca", "in August",
        "the Canary Islands", "in 2019", "flight records", "The minister's office",
        "at a cost of about 40,000 euros"),
)

FIGURES = (
    Figure("turnout in Slovakia's parliamentary election", "68.5 percent", "59 percent", "61.2 percent",
           "the statistics office", "the share of postal votes was 4 percent"),
    Figure("the death toll from the earthquake in Herat province", "1,482", "2,400", "960",
           "the United Nations", "about 10,000 homes were damaged"),
    Figure("inflation in Argentina in the year to March", "287.9 percent", "211 percent", "254.2 percent",
           "the national statistics institute", "the peso traded at 870 to the dollar"),
    Figure("the number of people displaced by floods in Libya's Derna", "43,000", "100,000", "30,000",
           "the International Organization for Migration", "the city's two dams collapsed"),
    Figure("unemployment in Spain in the first quarter", "12.3 percent", "15 percent", "11.8 percent",
           "the national statistics agency", "house prices rose 6.3 percent"),
    Figure("the measles vaccination rate among children in Romania", "62 percent", "80 percent",
           "75 percent", "the health ministry", "more than 4,000 measles cases were recorded"),
    Figure("the amount the city spent on the new stadium", "$1.2 billion", "$800 million", "$950 million",
           "city auditors", "ticket sales reached 2 million"),
    Figure("the number of journalists killed worldwide last year", "99", "45", "120",
           "the Committee to Protect Journalists", "about 320 were in prison at the end of the year"),
    Figure("the area of Amazon forest cleared in Brazil last year", "9,001 square kilometres",
           "13,000 square kilometres", "11,568 square kilometres", "the space research institute",
           "soy exports rose 8 percent"),
    Figure("the share of the vote won by the governing party", "41 percent", "52 percent", "37 percent",
           "the electoral commission", "turnout was 66 percent"),
    Figure("the number of migrants who reached Italy by sea this year", "66,317", "150,000", "105,000",
           "the interior ministry", "the number of asylum applications was 130,000"),
    Figure("the cost of the bridge collapse clean-up", "$2 billion", "$500 million", "$1.1 billion",
           "state officials", "the port handled 30 million tonnes of cargo"),
)


def newsroom_pairs() -> tuple[list[StancePair], dict[str, str]]:
    """Return the templated pairs and their one-sentence bodies, in FNC-1's shape."""
    rows: list[tuple[str, str, str]] = []
    for act in ACTS:
        rows.extend(_act_rows(act))
    for number, act in enumerate(ACTS):
        # Another event altogether: the next act's supporting report.
        other = ACTS[(number + 1) % len(ACTS)]
        rows.append((_claim(act), _report(other), "unrelated"))
    for number, figure in enumerate(FIGURES):
        rows.extend(_figure_rows(figure))
        # A number about something else neither agrees nor clashes with this one.
        other_figure = FIGURES[(number + 1) % len(FIGURES)]
        rows.append(
            (
                f"{_cap(figure.subject)} was {figure.value}",
                f"{_cap(other_figure.source)} said {other_figure.subject} was {other_figure.value}.",
                "unrelated",
            )
        )
    return as_pairs(rows, prefix="newsroom")


def as_pairs(rows: list[tuple[str, str, str]], *, prefix: str) -> tuple[list[StancePair], dict[str, str]]:
    """Return (claim, body, stance) rows as FNC-1's pairs and bodies, each body its own id."""
    pairs, bodies = [], {}
    for index, (claim, body, stance) in enumerate(rows):
        body_id = f"{prefix}-{index}"
        pairs.append(StancePair(claim, body_id, stance))
        bodies[body_id] = body
    return pairs, bodies


def _claim(act: Act) -> str:
    return f"{_cap(act.actor)} {act.act} {act.target} in {act.place} {act.date}"


def _report(act: Act) -> str:
    return (
        f"{_cap(act.source)} said {act.actor} {act.act} {act.target} in {act.place} {act.date}, "
        f"{act.aftermath}."
    )


def _act_rows(act: Act) -> list[tuple[str, str, str]]:
    claim = _claim(act)
    denial = (
        f"{act.denier} denied that {act.actor} had {act.done} {act.target} in {act.place}, "
        "calling the reports a fabrication."
    )
    flat_denial = (
        f"{act.denier} said {act.actor} had not {act.done} {act.target} in {act.place} "
        "and that nothing of the kind happened."
    )
    reported_denial = f"{act.denier} denies that {act.actor} {act.act} {act.target} in {act.place}"
    return [
        (claim, _report(act), "supports"),
        (
            claim,
            (
                f"{_cap(act.target)} in {act.place} was the target: {act.actor} {act.act} it {act.date}, "
                f"it was not the first time, {act.source} said."
            ),
            "supports",
        ),
        (claim, denial, "contradicts"),
        (claim, flat_denial, "contradicts"),
        # A claim that reports the denial is supported by the denial itself.
        (reported_denial, denial, "supports"),
        (
            claim,
            (
                f"Reports that {act.actor} {act.act} {act.target} in {act.place} could not be "
                f"independently verified; {act.source} said it was looking into them."
            ),
            "discusses",
        ),
        # The same act in another place at another time is another event.
        (
            claim,
            (
                f"{_cap(act.source)} said {act.actor} {act.act} {act.target} "
                f"in {act.other_place} {act.other_date}."
            ),
            "unrelated",
        ),
    ]


def _figure_rows(figure: Figure) -> list[tuple[str, str, str]]:
    claim = f"{_cap(figure.subject)} was {figure.value}"
    corrected = (
        f"{_cap(figure.subject)} was {figure.value}, not the {figure.wrong} first reported, "
        f"{figure.source} said."
    )
    return [
        (claim, f"{_cap(figure.source)} said {figure.subject} was {figure.value}.", "supports"),
        (claim, corrected, "supports"),
        (f"{_cap(figure.subject)} was {figure.wrong}", corrected, "contradicts"),
        (claim, f"{_cap(figure.source)} put {figure.subject} at {figure.other_value}.", "contradicts"),
        # Another count in the same story takes no side on this one.
        (claim, f"{_cap(figure.source)} said {figure.neighbour}.", "discusses"),
    ]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
