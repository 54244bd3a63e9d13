"""Word lists shared by the extraction stages.

Every rule in this package reads its vocabulary from here, so that widening
a rule means editing a list rather than a regular expression.  Entries are
lowercase unless a list says otherwise; callers compare lowercased words
with straight apostrophes.  Single words are written as whitespace-separated
text, phrases one a line, to keep the lists readable.
"""


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of text as a set."""
    return frozenset(text.split())


# Other modules build their own small word sets the same way.
words = _words


def _phrases(text: str) -> tuple[str, ...]:
    """Return the non-blank lines of text, stripped, as phrases."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


# Titles and abbreviations whose full stop does not end a sentence.  Compared
# case-sensitively, because "No." (number) is an abbreviation but "no." is not.
ABBREVIATIONS = _words(
    """
    Mr Mrs Ms Mx Dr Prof St Gen Sen Rep Gov Lt Col Sgt Capt Maj Cpl Pte Pvt Adm Cmdr Brig
    Supt Insp Det Rev Hon Messrs Mt Ft Jr Sr Inc Ltd Co Corp Bros No Nos Nr
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    vs etc approx est cf al fig ca
    """
)

# Reporting verbs: a speaker introduced by one of these is a claimant.  The
# bare forms "report" and "state" are left out: in news prose they are nearly
# always nouns ("a report", "state media").
REPORTING_VERBS = _words(
    """
    say says said saying claim claims claimed claiming allege alleges alleged alleging
    accuse accuses accused accusing tell tells told reports reported
    describe describes described maintain maintains maintained stated
    announce announces announced add adds added insist insists insisted
    deny denies denied confirm confirms confirmed warn warns warned
    assert asserts asserted argue argues argued acknowledge acknowledges acknowledged
    admit admits admitted explain explains explained write writes wrote tweet tweets tweeted
    """
)

# Verbs that introduce a speaker only right after a closing quote
# ('..." read the tweet'); elsewhere they are ordinary verbs.
POSTPOSED_ONLY_VERBS = _words("read reads posted continued asked replied recalled noted")

# Reporting verbs that keep the claim at arm's length: they are hedges too.
HEDGING_VERBS = _words(
    """
    allege alleges alleged alleging claim claims claimed claiming accuse accuses accused accusing
    """
)

# Hedging adverbs and adjectives.
HEDGE_WORDS = _words("allegedly reportedly purportedly supposedly unconfirmed unverified apparently")

# Words skipped when walking back from a reporting verb to its subject.
AUXILIARIES_AND_ADVERBS = _words(
    """
    have has had having also reportedly previously later earlier then again repeatedly
    publicly initially first separately recently further since already once would will
    could can may might should did does do not never long still now often always allegedly
    however
    """
)

# A form of "be" directly before a reporting verb makes it passive ("is said").
BE_FORMS = _words("is are was were be been being")

DETERMINERS = _words("the a an this that these those its their his her")

COORDINATORS = _words("and but or nor yet then while")

# Words that open a sentence without being part of its subject.
SENTENCE_CONNECTIVES = _words(
    """
    but and or so yet however meanwhile still also instead moreover furthermore nevertheless
    separately later earlier now then indeed thus therefore in on at after before since when
    while although though if as because
    """
)

SUBJECT_PRONOUNS = _words("he she they it we i you")

PRONOUNS = SUBJECT_PRONOUNS | _words(
    """
    him her them us me his hers its their theirs our ours my mine your yours this that these
    those who whom which what there here someone somebody everyone nobody anyone
    """
)

# Words that may never be part of a claimant noun phrase.
FUNCTION_WORDS = (
    PRONOUNS
    | COORDINATORS
    | BE_FORMS
    | AUXILIARIES_AND_ADVERBS
    | _words(
        """
        to in on at by for from with without into onto about over under after before during
        since until as than that if because when where whether what who which whose how why so
        not no only just even all both each every some any many more most such own other
        another there here though although unless whereas upon against between among through
        across within near around like
        """
    )
)

# Past-tense verbs without a regular "-ed" ending; they end a leading noun phrase.
IRREGULAR_PAST = _words(
    """
    took taken made went gone gave given saw seen told said found held shot fled left got came
    brought bought built caught chose drove fell felt fought forgot heard hid hit hung kept knew
    known laid led lost meant met paid put ran rose sent set shook shut sold sought spoke spent
    stood stole struck swore threw thrown thought understood woke won wore worn wrote written
    began begun blew broke broken done did drew ate froze grew hurt lay overran overtook rebuilt
    slew slain bore beat bled withdrew undertook
    """
)

# The base of each irregular form of IRREGULAR_PAST (and their participles), so that an act meets
# itself in another tense: "hid" and "hidden" are "hide", "took" and "taken" are "take".
IRREGULAR_BASES = {
    form: base.strip()
    for base, forms in (
        line.split(":") for line in """
        take:took taken|make:made|go:went gone|give:gave given|see:saw seen|tell:told|say:said
        find:found|hold:held|shoot:shot|flee:fled|leave:left|get:got gotten|come:came|bring:brought
        buy:bought|build:built|catch:caught|choose:chose chosen|drive:drove driven|fall:fell fallen
        feel:felt|fight:fought|forget:forgot forgotten|hear:heard|hide:hid hidden|hang:hung
        keep:kept|know:knew known|lay:laid|lead:led|lose:lost|mean:meant|meet:met|pay:paid|run:ran
        rise:rose risen|send:sent|shake:shook shaken|sell:sold|seek:sought|speak:spoke spoken
        spend:spent|stand:stood|steal:stole stolen|strike:struck|swear:swore sworn
        throw:threw thrown|think:thought|understand:understood|wake:woke woken|win:won
        wear:wore worn|write:wrote written|begin:began begun|blow:blew blown|break:broke broken
        do:did done|draw:drew drawn|eat:ate eaten|freeze:froze frozen|grow:grew grown|lie:lay lain
        overrun:overran|overtake:overtook overtaken|rebuild:rebuilt|slay:slew slain|bear:bore borne
        bleed:bled|withdraw:withdrew withdrawn|undertake:undertook undertaken|hit:hit|put:put|set:set
        shut:shut|hurt:hurt|beat:beat beaten
        """.replace("\n", "|").split("|")
        if line.strip()
    )
    for form in forms.split()
}

# Verbs that report an event or a checkable fact, in the forms news prose uses.
EVENT_VERBS = _words(
    """
    killed kills tortured tortures discovered discovers found finds shot seized seizes died dies
    held visited visits liberated liberates condemned condemns arrested arrests detained detains
    accused attacked destroyed destroys bombed shelled showed shown posted shared published
    captured raped murdered executed injured wounded fired launched invaded invades occupied
    deported abducted kidnapped looted burned burnt evacuated fled dumped buried carved searched
    signed approved banned imposed sanctioned charged convicted sentenced resigned elected won
    lost rose fell increased decreased doubled tripled halved pledged recaptured retook withdrew
    retreated retreating struck hit targeted massacred exhumed identified confirmed recovered
    collapsed exploded crashed drowned starved displaced surrounded blocked closed opened
    released freed stormed raided dead missing tied beaten electrocuted stabbed hanged
    strangled mutilated severed committed carried
    """
)

# Nouns naming grave harms: a sentence that asserts one is worth checking.
HARM_TERMS = _phrases(
    """
    war crime
    war crimes
    genocide
    torture
    torture chamber
    torture room
    massacre
    atrocity
    atrocities
    mass grave
    mass graves
    killing
    killings
    execution
    executions
    rape
    casualties
    death toll
    bodies
    corpses
    civilians
    hostages
    prisoners
    ethnic cleansing
    crimes against humanity
    invasion
    blood
    bloodstains
    """
)

# Number words that make a sentence quantitative.  "one" is left out: in news
# prose it is mostly a pronoun ("the only one").
NUMBER_WORDS = _words(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions trillion dozen dozens
    half twice double triple percent tens scores quarter third majority minority
    """
)

# "May" is left out: it is a month only before a day number, checked by the rule.
MONTHS = _words("january february march april june july august september october november december")

WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Relative times.
TIME_PHRASES = _phrases(
    """
    yesterday
    today
    tonight
    overnight
    last week
    last month
    last year
    last night
    this week
    this month
    this year
    this morning
    earlier this
    days ago
    weeks ago
    months ago
    years ago
    hours ago
    a day ago
    a week ago
    since the start
    in recent days
    in recent weeks
    """
)

# Evaluative words and phrases: opinion rather than checkable fact.
OPINION_TERMS = _phrases(
    """
    difficult
    worse
    worst
    terrible
    horrible
    awful
    must
    should
    ought to
    i think
    we think
    i believe
    we believe
    believe
    in my opinion
    in our view
    unacceptable
    shameful
    outrageous
    disgusting
    disgraceful
    tragic
    wonderful
    great
    amazing
    best
    better
    bad
    good
    beautiful
    ugly
    hard to
    impossible
    incredible
    unbelievable
    obviously
    clearly
    surely
    i hope
    we hope
    hopefully
    important
    necessary
    seems
    seem
    appears to
    probably
    perhaps
    maybe
    """
)

# Forward-looking words and phrases: a prediction cannot be checked yet.
# "would" is left out: it mostly reports past speech ("said it would").
PREDICTION_TERMS = _phrases(
    """
    will
    won't
    shall
    going to
    is likely to
    are likely to
    expected to
    expects to
    plans to
    intends to
    set to
    could soon
    in the future
    next year
    next week
    next month
    tomorrow
    """
)

# A first-person word and a word of feeling together mark a quote of feeling.
FIRST_PERSON = _words("i i'm i've i'd we we're we've my our me us")
FEELING_WORDS = _words(
    """
    feel feels felt feeling afraid scared sad happy angry heartbroken devastated shocked hope
    hoping wish love miss proud terrified worried grateful thankful sorry upset glad relieved
    frightened horrified fear
    """
)

# A publisher's note that it could not check its sources: not a claim, but
# a hedge on every attributed claim before it.
VERIFICATION_DISCLAIMERS = _phrases(
    """
    has not verified
    have not verified
    had not verified
    could not independently verify
    could not independently confirm
    cannot independently verify
    cannot independently confirm
    could not verify
    could not confirm
    was unable to verify
    were unable to verify
    was unable to independently verify
    was not able to verify
    were not able to verify
    has not been able to verify
    has not been able to independently verify
    have not been able to verify
    has not been independently verified
    have not been independently verified
    """
)

# Hedging phrases that distance the text from a statement.
HEDGE_PHRASES = _phrases(
    """
    said to be
    said to have
    believed to be
    believed to have
    """
)

# Text about the article or the site rather than about the world.
META_PHRASES = VERIFICATION_DISCLAIMERS + _phrases(
    """
    this article
    this story
    this report
    read more
    sign up
    sign in
    log in
    click here
    subscribe
    newsletter
    follow us
    share this
    advertisement
    all rights reserved
    terms of use
    privacy policy
    contributed to this report
    contributed reporting
    editing by
    reporting by
    could not independently
    cannot independently
    """
)

# Boilerplate lines that are never claims, matched at the start of a sentence.
BOILERPLATE_OPENERS = _phrases(
    """
    read more
    sign up
    click here
    subscribe
    follow us
    share this
    related:
    advertisement
    watch:
    listen:
    see also
    more:
    """
)

# Words that name an organisation or a group: "he" and "she" do not refer to them.
GROUP_WORDS = _words(
    """
    office ministry department government officials police army forces council agency committee
    court kremlin military troops soldiers people residents authorities prosecutors
    investigators publication newspaper service services command staff union nations states
    countries bank company group party administration commission embassy
    reuters ap afp bbc cnn tass interfax ukrinform
    """
)

# Documents that "say" things on behalf of their author ("read the tweet").
DOCUMENT_NOUNS = _words(
    """
    tweet post statement message letter report release note caption video footage document
    announcement notice update telegram communique
    """
)

# Organisations by the last word of their names ("Hallam Industries", "the World Health
# Organization"): "it" and "they" may refer to them, "he" and "she" may not.
ORGANISATION_WORDS = _words(
    """
    industries inc ltd plc corp corporation llc gmbh organization organisation institute association
    foundation university hospital hospitals school schools agency ministry commission centre center
    council fund network airlines airways group bureau board office party parliament congress senate
    """
)

# Words that mark a person's gender, for matching "he" and "she" to the right person.
FEMALE_MARKERS = _words(
    """
    mrs ms miss madam lady dame queen princess sister mother daughter wife woman girl
    spokeswoman chairwoman businesswoman congresswoman grandmother widow aunt
    """
)
MALE_MARKERS = _words(
    """
    mr sir lord king prince brother father son husband man boy spokesman chairman businessman
    congressman grandfather widower uncle
    """
)
# Common given names by the gender they usually mark (news in English, international).
FEMALE_NAMES = _words(
    """
    anna ana anne ann angela alice amara amy andrea barbara beata carla carmen catherine
    charlotte christine claire daria diana elena elizabeth emily emma eva fatima helen ilona
    irina iryna jane jennifer jessica julia karen kamala kate katarzyna kateryna laura linda
    lisa lucy maria marie marina mary michelle monica nadia natalia natalya nancy nicola olena
    olga oksana patricia rachel rosa sandra sarah sophie susan svetlana tatiana tetiana ursula
    valentina victoria viktoria yulia zoe liz theresa giorgia marine hillary sanna jacinda
    """
)
MALE_NAMES = _words(
    """
    adam ahmed alexander alexei andrei andriy anton artem boris carlos charles daniel david
    dmitry donald edward emmanuel francis frank george hans ivan jacques james jean joe john
    jose joseph juan karl kevin mark martin michael mikhail mohammed nicholas oleg olaf oleksandr
    oleksiy paul peter petro pierre richard robert rishi sergei sergey serhiy stephen steven
    thomas tom vladimir volodymyr william yuri yevgeny xi narendra recep benjamin keir justin
    """
)
# Words that never head a claimant: a time is when something was said, not who said it.
TIME_WORDS = MONTHS | WEEKDAYS | _words(
    """
    today yesterday tonight tomorrow morning afternoon evening night week month year weekend
    """
)
