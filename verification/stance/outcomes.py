"""Training pairs of outcomes that could have gone either way, and of press reports a company denies; pure.

A model that learnt from FNC-1 and the act templates reads "found not guilty" as support for
"found guilty": both name the same people, court and charge. What tells them apart is the
outcome, so each event below is told four ways (as it happened, the other way, before anyone
knew, and the same outcome for someone else) and read against a claim of each outcome. A press
report is told the same way: confirmed, denied without naming the act ("These reports are
incorrect"), reported without comment, and another company's news. None of the events is in the
seeds, the check cases or the newsroom case sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import StancePair
from .newsroom import as_pairs


@dataclass(frozen=True)
class Outcome:
    """A result two ways as claims, and four texts: each way, the wait for it, and another's."""

    claim: str
    opposite: str
    report: str
    contrary: str
    pending: str
    other: str


@dataclass(frozen=True)
class PressReport:
    """A reported plan as a claim and as its denial, and the texts that confirm, deny or repeat it."""

    claim: str
    denied: str
    confirmation: str
    denial: str
    rumour: str
    other: str


OUTCOMES = (
    Outcome(
        "A jury convicted the former mayor of Wollongong of taking bribes",
        "A jury acquitted the former mayor of Wollongong of taking bribes",
        "A jury in Wollongong on Thursday found the city's former mayor guilty of taking bribes from a "
        "property developer. He will be sentenced next month, the court said.",
        "The former mayor of Wollongong was cleared of taking bribes on Thursday after a jury found "
        "him not guilty on all counts. He wept as the verdict was read.",
        "The jury in the bribery trial of Wollongong's former mayor retired to consider its verdict on "
        "Thursday. He denies taking money from a property developer.",
        "A jury in Wollongong on Thursday found a former hospital manager guilty of stealing from "
        "the hospital's charity fund.",
    ),
    Outcome(
        "Portugal's Supreme Court upheld the ban on night flights at Lisbon airport",
        "Portugal's Supreme Court overturned the ban on night flights at Lisbon airport",
        "Portugal's Supreme Court on Monday upheld the ban on night flights at Lisbon airport, "
        "rejecting an appeal by airlines who said it would cost them millions.",
        "Airlines won their appeal against the ban on night flights at Lisbon airport on Monday, "
        "when Portugal's Supreme Court struck it down as disproportionate.",
        "Portugal's Supreme Court heard the airlines' appeal against the ban on night flights at "
        "Lisbon airport on Monday. A ruling is expected within weeks.",
        "Portugal's Supreme Court on Monday upheld a ban on cruise ships docking in central Porto, "
        "rejecting an appeal by their operators.",
    ),
    Outcome(
        "Lithuania's parliament passed the bill raising the retirement age to 67",
        "Lithuania's parliament voted down the bill raising the retirement age to 67",
        "Lawmakers in Vilnius approved the pension reform by 74 votes to 51 on Wednesday, raising "
        "the retirement age to 67 from 2030.",
        "Lithuania's parliament rejected the government's pension reform on Wednesday, leaving the "
        "retirement age at 65. Only 49 of the 141 members voted for the bill.",
        "Lithuania's parliament votes next week on the bill raising the retirement age to 67, and "
        "the coalition is not sure it has the votes.",
        "Lithuania's parliament passed a bill raising the minimum wage on Wednesday, after months "
        "of talks with unions.",
    ),
    Outcome(
        "Limerick city council approved plans for a 12-storey hotel on the docks",
        "Limerick city council rejected plans for a 12-storey hotel on the docks",
        "Councillors in Limerick gave the go-ahead on Tuesday night to a 12-storey hotel on the "
        "docks, despite objections from residents about its height.",
        "Plans for a 12-storey hotel on Limerick's docks were thrown out by the city council on "
        "Tuesday night, with councillors saying it was too tall for the area.",
        "Limerick city council is due to decide next month on plans for a 12-storey hotel on the "
        "docks; more than 600 objections have been lodged.",
        "Limerick city council on Tuesday approved plans for a new swimming pool in Castletroy, "
        "due to open in 2027.",
    ),
    Outcome(
        "Finance minister Anders Lykke resigned over the row about his taxes",
        "Finance minister Anders Lykke refused to resign over the row about his taxes",
        "Anders Lykke stepped down as finance minister on Friday, saying the row over his unpaid "
        "taxes had become a distraction for the government.",
        "Anders Lykke said on Friday he would not step down as finance minister, insisting he had "
        "paid every tax he owed and had the prime minister's backing.",
        "Pressure grew on finance minister Anders Lykke on Friday as two coalition partners said "
        "they would decide over the weekend whether he could stay in office.",
        "Health minister Britt Aasen resigned on Friday over hospital waiting lists, the second "
        "minister to leave the government this year.",
    ),
    Outcome(
        "Shares in the carmaker Varda rose after its quarterly results",
        "Shares in the carmaker Varda fell after its quarterly results",
        "Varda's shares climbed 8 percent in Stockholm on Thursday after the carmaker beat "
        "forecasts for the quarter and raised its outlook.",
        "Varda's shares slid 8 percent in Stockholm on Thursday after the carmaker's quarterly "
        "profit missed forecasts and it cut its outlook.",
        "Varda reports its quarterly results on Thursday; analysts expect its profit to be flat on the year.",
        "Shares in the truckmaker Brunstad rose 5 percent on Thursday after its quarterly results "
        "beat forecasts.",
    ),
    Outcome(
        "Molde won the Norwegian cup final",
        "Molde lost the Norwegian cup final",
        "Molde lifted the Norwegian cup on Sunday, beating Brann 2-1 in Oslo with a goal in the "
        "last minute of extra time.",
        "Brann beat Molde 2-1 in the Norwegian cup final in Oslo on Sunday, scoring in the last "
        "minute of extra time to deny Molde a third title.",
        "Molde and Brann meet in the Norwegian cup final in Oslo on Sunday, with Molde's captain "
        "doubtful after an ankle injury.",
        "Molde won the Norwegian cup final in 2013, beating Rosenborg 4-2.",
    ),
    Outcome(
        "The Kestrel rocket reached orbit on its first flight",
        "The Kestrel rocket failed to reach orbit on its first flight",
        "The first Kestrel rocket lifted off from Andøya on Saturday and placed its test "
        "satellite in orbit about nine minutes later, the company said.",
        "The first Kestrel rocket broke apart about two minutes after lift-off from Andøya on "
        "Saturday and its test satellite was lost, the company said.",
        "The Kestrel rocket is due to make its first flight from Andøya on Saturday; the company "
        "puts the chance of reaching orbit at about half.",
        "The rival Skyward rocket reached orbit on its first flight from Sutherland on Saturday.",
    ),
    Outcome(
        "Dock workers in Gdynia called off their strike",
        "Dock workers in Gdynia went ahead with their strike",
        "Unions representing dock workers in Gdynia called off Monday's strike late on Sunday "
        "after port operators improved their pay offer.",
        "Dock workers in Gdynia walked out on Monday as planned after last-minute talks with "
        "port operators failed, leaving dozens of ships waiting.",
        "Talks to avert Monday's strike by Gdynia dock workers resumed on Sunday afternoon; "
        "neither side would say how close they were.",
        "Dock workers in Bremerhaven called off a planned strike on Monday after winning a 7 percent "
        "pay rise.",
    ),
    Outcome(
        "Mayor Lena Calloway won re-election in Tacoma",
        "Mayor Lena Calloway lost her re-election bid in Tacoma",
        "Lena Calloway was re-elected mayor of Tacoma on Tuesday with 54 percent of the vote, and "
        "thanked voters for a second term.",
        "Lena Calloway conceded defeat in Tacoma's mayoral race on Tuesday night after her "
        "challenger took 54 percent of the vote.",
        "Polls close at eight in Tacoma's mayoral election, where Lena Calloway is seeking a "
        "second term against a first-time challenger.",
        "In neighbouring Olympia, mayor Dan Pruitt won a third term on Tuesday with 61 percent of the vote.",
    ),
    Outcome(
        "Regulators approved Eastline's takeover of Pacora Telecom",
        "Regulators blocked Eastline's takeover of Pacora Telecom",
        "The competition authority cleared Eastline's takeover of Pacora Telecom on Wednesday, on "
        "condition that the combined company sells 400 mobile masts.",
        "The competition authority blocked Eastline's takeover of Pacora Telecom on Wednesday, "
        "saying it would leave customers with too little choice.",
        "The competition authority opened an in-depth investigation into Eastline's takeover of "
        "Pacora Telecom on Wednesday and will rule by March.",
        "The competition authority cleared the merger of two regional bus operators, Linjebuss "
        "and Nordtrafik, on Wednesday.",
    ),
    Outcome(
        "The Alzheimer's drug velumab slowed memory decline in a late-stage trial",
        "The Alzheimer's drug velumab failed to slow memory decline in a late-stage trial",
        "Patients given velumab declined 27 percent more slowly on memory tests than those given a "
        "placebo over 18 months, its maker said on Monday, meeting the trial's main goal.",
        "Velumab did no better than a placebo at slowing memory decline in a late-stage trial, its "
        "maker said on Monday, and it will stop developing the drug.",
        "Results from the late-stage trial of velumab, an experimental Alzheimer's drug, are due "
        "later this year, its maker said on Monday.",
        "A rival Alzheimer's drug, lecozumab, slowed memory decline by 22 percent in a late-stage "
        "trial, its maker said on Monday.",
    ),
    Outcome(
        "The Harbour Lights festival in Tromsø was cancelled because of the storm",
        "The Harbour Lights festival in Tromsø went ahead despite the storm",
        "Organisers called off the Harbour Lights festival in Tromsø on Saturday as gusts of up to "
        "120 km/h hit the coast, and promised refunds.",
        "The Harbour Lights festival in Tromsø went ahead on Saturday despite the storm, with "
        "organisers moving the main stage indoors.",
        "Organisers of the Harbour Lights festival in Tromsø said they would decide on Saturday "
        "morning whether the storm forced them to cancel.",
        "Bergen's food festival was cancelled on Saturday because of the storm, its organisers said.",
    ),
    Outcome(
        "A London court approved the extradition of the businessman Ilya Brodov to the United States",
        "A London court refused to extradite the businessman Ilya Brodov to the United States",
        "A judge at Westminster Magistrates' Court ruled on Friday that Ilya Brodov can be "
        "extradited to the United States to face fraud charges; his lawyers said they would appeal.",
        "A judge at Westminster Magistrates' Court refused on Friday to send Ilya Brodov to the "
        "United States, ruling that his poor health made extradition oppressive.",
        "Ilya Brodov's extradition hearing at Westminster Magistrates' Court ended on Friday; the "
        "judge will give her decision on March 3.",
        "A London court approved the extradition of a former bank trader, Carl Weston, to the "
        "United States on Friday.",
    ),
    Outcome(
        "Voters in Zurich approved a plan to build 2,000 affordable flats",
        "Voters in Zurich rejected a plan to build 2,000 affordable flats",
        "Zurich voters backed the plan for 2,000 affordable flats on Sunday by 58 percent to 42, "
        "clearing the way for building to start next year.",
        "Zurich voters turned down the plan for 2,000 affordable flats on Sunday by 58 percent to "
        "42, a blow to the city government that proposed it.",
        "Zurich votes on Sunday on a plan to build 2,000 affordable flats; the last poll showed "
        "the two sides level.",
        "Basel voters approved a plan on Sunday to build 800 affordable flats on a former rail yard.",
    ),
    Outcome(
        "Kidnappers freed the two Italian engineers seized in the Niger Delta",
        "The two Italian engineers seized in the Niger Delta are still being held",
        "The two Italian engineers kidnapped in the Niger Delta last month were released on "
        "Tuesday and are in good health, Italy's foreign ministry said.",
        "Italy's foreign ministry said on Tuesday that the two engineers kidnapped in the Niger "
        "Delta last month were still being held, denying reports that they had been freed.",
        "Negotiations for the release of the two Italian engineers kidnapped in the Niger Delta "
        "are continuing, Italy's foreign ministry said on Tuesday.",
        "Two French aid workers kidnapped in northern Mali were released on Tuesday, France's "
        "foreign ministry said.",
    ),
    Outcome(
        "The retailer Kellway returned to profit last year",
        "The retailer Kellway made a loss last year",
        "Kellway made a pre-tax profit of 120 million pounds last year after two years of "
        "losses, helped by strong Christmas trading.",
        "Kellway slipped to a pre-tax loss of 120 million pounds last year as sales fell at its "
        "larger stores.",
        "Kellway publishes its results for last year on Thursday; analysts expect it to be "
        "close to breaking even.",
        "The rival retailer Fenwick Stores returned to profit last year, helped by online sales.",
    ),
    Outcome(
        "The European Medicines Agency recommended approval of the RSV vaccine Respira",
        "The European Medicines Agency recommended against approving the RSV vaccine Respira",
        "The European Medicines Agency's experts backed approval of Respira, an RSV vaccine for "
        "adults over 60, on Friday, saying its benefits outweigh its risks.",
        "The European Medicines Agency's experts recommended on Friday that Respira, an RSV "
        "vaccine for adults over 60, should not be approved, citing too little data on its safety.",
        "The European Medicines Agency's experts will discuss Respira, an RSV vaccine for adults "
        "over 60, at their meeting next week.",
        "The European Medicines Agency recommended approval of a new shingles vaccine on Friday.",
    ),
    Outcome(
        "Officials lifted the evacuation order for Hinton as the wildfire was contained",
        "Officials extended the evacuation order for Hinton as the wildfire spread",
        "Residents of Hinton were allowed home on Thursday after officials lifted the evacuation "
        "order, saying the wildfire west of town was under control.",
        "Officials extended the evacuation order for Hinton on Thursday as the wildfire west of "
        "town jumped the highway, and told residents not to try to return.",
        "Hinton's 10,000 residents will learn on Thursday evening whether they can return home, "
        "officials said, as crews fought the wildfire west of town.",
        "Officials lifted the evacuation order for Edson on Thursday as rain helped crews contain "
        "the fire there.",
    ),
    Outcome(
        "Schools in Lahore reopened after the smog emergency",
        "Schools in Lahore stayed closed because of the smog",
        "Schools across Lahore reopened on Monday after a week-long closure, as rain cleared the "
        "smog that had pushed pollution to hazardous levels.",
        "Schools in Lahore will stay shut for another week, the provincial government said on "
        "Monday, as smog kept pollution at hazardous levels.",
        "The Punjab government will decide on Sunday whether schools in Lahore can reopen after "
        "the smog, a spokesman said.",
        "Schools in Delhi reopened on Monday after the smog eased, the city government said.",
    ),
    Outcome(
        "Celtic signed the striker Mateo Ruiz from Valencia",
        "Celtic's move for the striker Mateo Ruiz collapsed",
        "Celtic completed the signing of Mateo Ruiz from Valencia on Friday; the striker has "
        "agreed a four-year contract.",
        "Celtic's move for the Valencia striker Mateo Ruiz collapsed on Friday after he failed a "
        "medical, and he will stay in Spain.",
        "Celtic are in talks with Valencia over the striker Mateo Ruiz, but the two clubs are "
        "still some way apart on the fee.",
        "Rangers signed the Valencia midfielder Jon Arrieta on Friday on a three-year contract.",
    ),
    Outcome(
        "Ireland's data protection regulator fined the app maker Loopa 5 million euros",
        "Ireland's data protection regulator cleared the app maker Loopa",
        "Ireland's Data Protection Commission fined Loopa 5 million euros on Tuesday for storing "
        "users' locations without their consent.",
        "Ireland's Data Protection Commission closed its inquiry into Loopa on Tuesday without a "
        "fine, finding that the app had asked users for their consent.",
        "Ireland's Data Protection Commission is investigating whether Loopa stored users' "
        "locations without consent; a decision is expected next year.",
        "Ireland's Data Protection Commission fined a hotel chain 2 million euros on Tuesday over "
        "a data breach.",
    ),
    Outcome(
        "House prices in Dublin fell last year",
        "House prices in Dublin rose last year",
        "Dublin house prices dropped 3 percent last year, the first annual fall in a decade, the "
        "statistics office said.",
        "Dublin house prices climbed 3 percent last year, the tenth annual rise in a row, the "
        "statistics office said.",
        "The statistics office publishes its figures for Dublin house prices last year on Friday; "
        "estate agents expect little change.",
        "House prices in Cork fell 2 percent last year, the statistics office said.",
    ),
    Outcome(
        "The new bridge over the Danube at Brăila opened to traffic",
        "The opening of the new bridge over the Danube at Brăila was postponed",
        "Cars crossed the new Danube bridge at Brăila for the first time on Thursday, after the "
        "prime minister cut the ribbon.",
        "The opening of the new Danube bridge at Brăila was put off on Thursday after inspectors "
        "found cracks in two of its cables.",
        "The new Danube bridge at Brăila is due to open to traffic next month once its final "
        "safety checks are done, the transport ministry said on Thursday.",
        "A new bridge over the Danube at Vidin opened to traffic on Thursday.",
    ),
)

PRESS_REPORTS = (
    PressReport(
        "Halden Foods plans to close its factory in Moss",
        "Halden Foods denied it plans to close its factory in Moss",
        "Halden Foods said on Monday it would close its factory in Moss next year, putting 340 "
        "jobs at risk, as it moves production to Poland.",
        "Halden Foods said on Monday that newspaper reports it was about to close its factory in "
        'Moss were wrong. "We have no plans to close Moss," a spokeswoman said.',
        "Halden Foods is preparing to close its factory in Moss, the newspaper Dagens Næringsliv "
        "reported on Monday, citing two people familiar with the plans. The company declined to "
        "comment.",
        "Halden Foods opened a new distribution centre near Oslo on Monday, creating 80 jobs.",
    ),
    PressReport(
        "Streamline Air is in talks to buy the regional airline Fjordfly",
        "Streamline Air denied it is in talks to buy Fjordfly",
        "Streamline Air confirmed on Wednesday that it is in talks to buy Fjordfly, adding that no "
        "deal had yet been agreed.",
        '"These reports are incorrect," Streamline Air said on Wednesday of press stories that it '
        'wanted to buy Fjordfly. "We are not in talks with any airline."',
        "Streamline Air is in early talks to buy the regional airline Fjordfly, the Financial Times "
        "reported on Wednesday. Neither airline responded to requests for comment.",
        "Streamline Air said on Wednesday it had ordered 20 new aircraft for its short-haul routes.",
    ),
    PressReport(
        "The bank Meridian Capital will cut 2,000 jobs",
        "Meridian Capital denied it will cut 2,000 jobs",
        "Meridian Capital will cut 2,000 jobs over the next two years, mostly in its branches, the "
        "bank said on Thursday.",
        'Meridian Capital dismissed as "pure speculation" a report that it would cut 2,000 jobs. '
        "The bank said on Thursday it had no plans for redundancies.",
        "Meridian Capital is considering cutting up to 2,000 jobs, Bloomberg reported on Thursday, "
        "citing people with knowledge of the matter. A spokesman for the bank would not comment on "
        "what he called market rumours.",
        "The rival lender Crestbank said on Thursday it would cut 1,500 jobs as it closes a third "
        "of its branches.",
    ),
    PressReport(
        "Pixtel is recalling its X9 phone over battery fires",
        "Pixtel said it had no plans to recall its X9 phone",
        "Pixtel said on Friday it was recalling every X9 phone sold in Europe after a dozen "
        "reports of batteries catching fire.",
        "Pixtel said on Friday it had no plans to recall the X9, and that the reports of battery "
        "fires were isolated cases it was still examining.",
        "Pixtel faces calls to recall its X9 phone after a dozen reports of batteries catching "
        "fire, consumer groups said on Friday. The company said it was investigating.",
        "The rival phone maker Zentro recalled 40,000 handsets on Friday over faulty chargers.",
    ),
    PressReport(
        "Latvia's prime minister plans to call an early election in the spring",
        "Latvia's prime minister denied planning an early election",
        "Latvia's prime minister said on Tuesday she would call an early election for April, after "
        "her coalition lost its majority.",
        "Latvia's prime minister denied on Tuesday that she was planning an early election. \"The "
        'government will serve its full term," she told reporters.',
        "Latvia's prime minister is weighing an early election in the spring, two members of her "
        "party told the newspaper Diena on Tuesday. Her office said no decision had been taken.",
        "Finland's prime minister called an early election for April on Tuesday after his "
        "coalition collapsed.",
    ),
    PressReport(
        "Marco Feller will leave Hertha as coach at the end of the season",
        "Hertha denied reports that Marco Feller will leave at the end of the season",
        "Hertha confirmed on Saturday that Marco Feller will leave the club at the end of the "
        "season, after three years as coach.",
        "Hertha's sporting director said on Saturday that reports Marco Feller would leave at the "
        'end of the season were "nonsense", and that the coach had the club\'s full support.',
        "Marco Feller could leave Hertha at the end of the season, the newspaper Bild reported on "
        "Saturday. The club did not comment.",
        "Union Berlin announced on Saturday that their coach will leave at the end of the season.",
    ),
)


def outcome_pairs() -> tuple[list[StancePair], dict[str, str]]:
    """Return the outcome and press-report pairs and their bodies, in FNC-1's shape."""
    rows: list[tuple[str, str, str]] = []
    for outcome in OUTCOMES:
        rows.extend(_outcome_rows(outcome))
    for report in PRESS_REPORTS:
        rows.extend(_press_rows(report))
    return as_pairs(rows, prefix="outcome")


def _outcome_rows(outcome: Outcome) -> list[tuple[str, str, str]]:
    # Both outcomes are claimed, so neither a "not" nor a verb alone can carry the stance.
    return [
        (outcome.claim, outcome.report, "supports"),
        (outcome.claim, outcome.contrary, "contradicts"),
        (outcome.claim, outcome.pending, "discusses"),
        (outcome.claim, outcome.other, "unrelated"),
        (outcome.opposite, outcome.contrary, "supports"),
        (outcome.opposite, outcome.report, "contradicts"),
        (outcome.opposite, outcome.pending, "discusses"),
    ]


def _press_rows(report: PressReport) -> list[tuple[str, str, str]]:
    return [
        (report.claim, report.confirmation, "supports"),
        (report.claim, report.denial, "contradicts"),
        (report.claim, report.rumour, "discusses"),
        (report.claim, report.other, "unrelated"),
        # A claim that reports the denial is supported by the denial itself.
        (report.denied, report.denial, "supports"),
        (report.denied, report.other, "unrelated"),
    ]
