"""Word lists the rule-based analysis reads. Closed-class English and newsroom vocabulary
only: nothing here names a person, place or event, so the rules carry over to any cluster."""

from __future__ import annotations

from newsweave.grammar import word_set as _words

# Verbs that introduce reported speech. ``INVERTABLE`` ones also appear before their
# subject ("said Lavrov"); "told" does not, its object is the listener ("told Reuters").
SPEECH_VERBS: frozenset[str] = _words(
    """
    acknowledged acknowledges added adding adds admits admitted agreed agrees alleged
    alleges announced announces argued argues asked asks boasted boasts cautioned
    cautions charged claimed claims commented comments complained complains conceded
    concedes concluded concludes confirmed confirms continued continues countered
    counters declared declares denied denies emphasised emphasized explained explains
    insisted insists joked jokes lamented laments noted notes observed observes pleaded
    posted posts predicted predicts promised promises quipped quips reads recalled
    recalls reiterated reiterates remarked remarks replied replies reported reports
    responded responds said say saying says screamed shouted stated states stressed
    stresses suggested suggests tells testified testifies told tweeted tweets urged
    urges vowed vows warned warns whispered writes wrote yelled
    """
)
INVERTABLE: frozenset[str] = _words(
    """
    added adds asked asks concluded concludes continued continues countered counters
    explained explains noted notes reads recalled recalls remarked remarks said says
    tweeted tweets warned warns writes wrote
    """
)
# Words between a subject and its speech verb that do not break the link ("Kerry has said").
AUXILIARIES: frozenset[str] = _words(
    """
    again already also earlier further had has have is just later once previously
    recently reportedly separately simply still then was will would
    """
)
PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Role words inside capitalised titles ("Russian Foreign Minister", "Syria Director") and
# occupations written before a name ("Musician Brad Fischetti").
ROLE_WORDS: frozenset[str] = _words(
    """
    republican democrat conservative liberal independent socialist
    activist actor actress adm administrator admiral adviser advisor aide ambassador
    analyst anchor archbishop architect artist assemblyman astronaut astrophysicist
    attorney auditor author ayatollah banker biologist bishop blogger broker campaigner
    candidate capt captain cardinal ceo cfo chair chairman chairperson chairwoman
    chancellor chef chemist chief coach col colonel columnist comedian commandant
    commander commissioner comptroller congressman congresswoman consultant controller
    coo coordinator correspondent councillor councilman councilor councilwoman counsel
    counterpart dean deputy designer det detective diplomat director director-general
    doctor economist editor emir engineer entrepreneur envoy executive farmer founder
    gen general goalkeeper governor head historian host imam inspector investigator
    investor journalist judge justice king lawmaker lawyer leader legislator lieutenant
    lobbyist lt
    maj major manager marshal mayor mediator minister mullah musician negotiator nominee
    novelist nurse officer organiser organizer owner pastor philosopher photographer
    physician physicist pilot pitcher player poet pollster pope premier presenter
    president president-elect prince princess principal producer prof professor
    prosecutor psychiatrist psychologist quarterback queen rabbi rapper rep reporter
    representative researcher rev reverend scientist secretary secretary-general sen
    senator sergeant sgt sheikh sheriff singer soldier speaker spokesman spokesperson
    spokeswoman strategist striker student sultan superintendent surgeon teacher
    theologian trader treasurer veteran vice vlogger warden whip writer
    """
)
HONORIFICS: frozenset[str] = _words(
    """
    dame dr lady lord miss mr mrs ms mx sir
    """
)
# Lower-case nouns that head an unnamed speaker ("a police spokesman", "the statement").
NOMINAL_SPEAKERS: frozenset[str] = _words(
    """
    audit review analysis investigation probe inquiry ruling verdict order decision opinion
    activist activists administration adviser advisers advisor advisors affidavit agency
    aide aides analyst analysts army attorney attorneys authorities board campaign
    commission committee company complaint council court department doctor doctors
    document documents email emails expert experts family fan fans filing firm friend
    friends government group indictment investigators judge lawsuit lawyer lawyers
    letter man memo military ministry neighbor neighbors neighbour neighbours network
    newspaper observatory office officer officers official officials organisation
    organization paper passenger passengers people person police post prosecutor
    prosecutors relative relatives release report reports representative representatives
    study studies poll polls data figures records statistics
    researchers resident residents scientists service source sources spokesman spokesmen
    spokesperson spokeswoman spokeswomen statement station student students study suit
    survey survivor survivors teacher teachers team union victim victims witness
    witnesses woman worker workers
    """
)
DETERMINERS: frozenset[str] = _words(
    """
    a an her his its our that the their this
    """
)
# Words that make a capitalised run an organisation (or institution) rather than a person.
ORG_WORDS: frozenset[str] = _words(
    """
    administration agence agency airlines airport airways alliance army assembly
    association authority bank board brigade brigades bureau campaign center centre
    children children's church club coalition college commission committee company
    congress corp corporation council council's court department embassy federation
    force forces foundation front fund gallery government group guard hospital house inc
    institute international journal league library llc ltd militia ministries ministry
    movement museum nations navy network news observatory office organisation
    organization parliament party police post press program programme project reuters
    school senate service services society stadium state's station team theater theatre
    times trust union university watch zoo
    """
)
# Capitalised words that start sentences or headlines but never start a name.
NOT_NAME_START: frozenset[str] = _words(
    """
    did does do is was are were has have had will would can could should may might must
    why how what where who which whom whose
    a according after all also an and as asked at before both breaking but by dr each
    earlier even every for former from he her here his however i if in it its just last
    late later many meanwhile most mr mrs ms my new next no not now on only or our photo
    read several she so some speaking still that the their then there these they this
    those today tomorrow tonight update video watch we when while with without yes
    yesterday you your
    """
)
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
